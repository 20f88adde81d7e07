def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"

print(greet("Ada"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(greeting="Yo", name="Di"))

def stats(*nums, **opts):
    total = sum(nums)
    if opts.get("mean"):
        return total / len(nums)
    return total, opts

print(stats(1, 2, 3), stats(1, 2, 3, mean=True), stats())

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print(fact(10), fact(20))

def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

c = make_counter()
c(); c()
print(c())
total = 0
def add(v):
    global total
    total += v
add(5); add(6)
print(total)

def no_return():
    x = 1

print(no_return())

def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket

print(append_to(1), append_to(2))
args = [1, 2]
kw = {"punct": "."}
print(greet(*["Eve"]), greet("Fay", **kw), max(*args))
square = lambda v: v * v
print(square(7), (lambda a, b=2: a * b)(5), sorted([(1, "b"), (0, "a")], key=lambda p: p[1]))
def early(v):
    for i in range(10):
        if i == v:
            return i * 10
    return -1
print(early(3), early(99))
def swap(a, b):
    return b, a
x, y = swap(1, 2)
print(x, y)

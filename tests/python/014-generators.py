def count_up(start, stop):
    current = start
    while current <= stop:
        yield current
        current += 1

gen = count_up(1, 4)
print(type(gen).__name__, next(gen), next(gen), list(gen), list(gen))
print(next(count_up(5, 1), "empty"))

def evens(limit):
    for n in range(limit):
        if n % 2:
            continue
        yield n
    yield from "ab"

print(list(evens(7)), sum(x * x for x in evens(5) if isinstance(x, int)))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

out = []
for v in fib():
    if v > 50:
        break
    out.append(v)
print(out)
lazy = (print("computing", i) or i for i in range(3))
print("before")
print(next(lazy))
try:
    g = count_up(1, 1)
    next(g)
    next(g)
except StopIteration:
    print("exhausted")

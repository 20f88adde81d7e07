a = 1
del a
try:
    print(a)
except NameError as e:
    print(e)
d = {"k": 1, "j": 2}
del d["k"]
lst = [0, 1, 2, 3, 4]
del lst[1], lst[-1]
print(d, lst)
def f():
    try:
        return x
    except UnboundLocalError as e:
        print(e)
    x = 1
f()
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(800))

def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(a=1, c=2, d=0))
def g(*, x, y=1):
    return x + y
print(g(x=1), g(y=5, x=1))
for call in [lambda: g(), lambda: g(1), lambda: f(c=1), lambda: g(x=1, z=2), lambda: f(1)]:
    try:
        call()
    except TypeError as e:
        print(e)
def h(a, b):
    return a - b
print(h(b=1, a=5))
try:
    h(1)
except TypeError as e:
    print(e)
try:
    h()
except TypeError as e:
    print(e)
try:
    h(1, 2, 3)
except TypeError as e:
    print(e)

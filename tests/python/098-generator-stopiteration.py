def g():
    yield 1
    next(iter([]))
    yield 2
try:
    print(list(g()))
except RuntimeError as e:
    print("RuntimeError:", e, repr(e.__cause__))
def h():
    it = iter([1, 2])
    while True:
        yield next(it)
try:
    print(list(h()))
except RuntimeError as e:
    print("RuntimeError:", e)

import inspect


def f(a, b=2, *args, c=3, **kw):
    return a


def g(x, y=[1], z=None):
    return x


def h():
    pass


print(f.__defaults__, g.__defaults__, h.__defaults__, (lambda p, q=5: p).__defaults__)
print(f.__name__, f.__qualname__, h.__kwdefaults__)


class K:
    def method(self, n=10):
        def inner(m=1):
            return m
        return inner

    @staticmethod
    def stat(x=(1, 2)):
        return x


print(K.method.__qualname__, K().method().__qualname__, K.method.__defaults__, K.stat.__defaults__)


def counter():
    n = yield "start"
    while n:
        n = yield n - 1


gen = counter()
print(inspect.getgeneratorstate(gen))
print(next(gen), inspect.getgeneratorstate(gen))
print(gen.send(2), gen.send(1))
try:
    gen.send(0)
except StopIteration as stop:
    print("stopped", stop.value)
print(inspect.getgeneratorstate(gen), inspect.isgenerator(gen), inspect.isgenerator([]))
try:
    K().method(1, 2)
except TypeError as e:
    print(e)
try:
    K().method()(m=1, q=2)
except TypeError as e:
    print(e)

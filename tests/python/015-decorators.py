import functools

def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        print("call", func.__name__, args, kwargs)
        return func(*args, **kwargs)
    wrapper.calls = 0
    return wrapper

def times(n):
    def deco(func):
        def inner(x):
            return [func(x) for _ in range(n)]
        return inner
    return deco

@logged
def add(a, b=1):
    """Add two numbers."""
    return a + b

@times(2)
@logged
def double(x):
    return x * 2

print(add(2), add(2, b=5), add.calls, add.__name__, add.__doc__)
print(double(4))

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), functools.reduce(lambda a, b: a * b, range(1, 11)))
print(functools.partial(pow, 2)(10))

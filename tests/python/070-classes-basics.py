class Counter:
    """Counts things."""
    instances = 0

    def __init__(self, start=0, *, step=1):
        self.value = start
        self.step = step
        Counter.instances += 1

    def tick(self, times=1):
        for _ in range(times):
            self.value += self.step
        return self.value

    def __repr__(self):
        return f"Counter(value={self.value}, step={self.step})"


c = Counter()
d = Counter(10, step=5)
print(c.tick(), c.tick(3), d.tick(), Counter.instances)
print(c, d, [c, d], (c,), {"c": c})
print(vars(d))
d.extra = "x"
print(vars(d), "extra" in vars(c))
f = d.tick
print(f(), f(2), d.value)
print(type(c) is Counter, type(c).__name__, c.__class__.__name__)
print(Counter.__name__, Counter.__qualname__, Counter.__doc__, Counter.__module__)
print(isinstance(c, Counter), isinstance(c, object), isinstance(3, Counter))
print(Counter.tick(c), Counter.instances)
print(getattr(c, "value"), getattr(c, "missing", "default"), hasattr(c, "tick"), hasattr(c, "nope"))
setattr(c, "value", 100)
print(c.value, c.tick())
print(repr(Counter))
print(callable(c), callable(Counter), callable(c.tick))
c.instances = 99
print(c.instances, d.instances, Counter.instances)


class Empty:
    pass


e = Empty()
e.a = 1
e.b = [1, 2]
e.a += 5
e.b += [3]
print(vars(e), Empty.__doc__)


class Outer:
    class Inner:
        def where(self):
            return type(self).__qualname__

    def make(self):
        return self.Inner()


print(Outer().make().where(), Outer.Inner.__qualname__)


def build():
    class Local:
        def hi(self):
            return "hi"
    return Local


L = build()
print(L().hi(), L.__qualname__)

try:
    Counter(1, 2, 3)
except TypeError as err:
    print("TypeError:", err)
try:
    c.tick(1, 2)
except TypeError as err:
    print("TypeError:", err)
try:
    Empty(1)
except TypeError as err:
    print("TypeError:", err)
try:
    print(c.nothing)
except AttributeError as err:
    print("AttributeError:", err)
try:
    Counter.nothing
except AttributeError as err:
    print("AttributeError:", err)
try:
    c()
except TypeError as err:
    print("TypeError:", err)

class CM:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("in", self.n)
        return self.n
    def __exit__(self, t, v, tb):
        print("out", self.n, t.__name__ if t else None)
        return t is KeyError


def f(xs):
    total = 0
    for x in xs:
        try:
            with CM(x) as v:
                if v == 2:
                    continue
                if v == 3:
                    raise KeyError(v)
                if v == 4:
                    raise ValueError(v)
                if v == 5:
                    return total
                total += v
        except ValueError as e:
            print("VE", e)
        finally:
            print("fin", x)
    return -1


print(f([1, 2, 3, 4, 5, 6]))


def gen():
    with CM("g"):
        yield 1
        yield 2


for v in gen():
    print("got", v)
g = gen()
print(next(g))
g.close()
print("closed")


def nested():
    try:
        yield 1
        try:
            yield 2
        finally:
            print("inner fin")
    finally:
        print("outer fin")


n = nested()
print(list(n))
n2 = nested()
next(n2)
next(n2)
n2.close()


class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, other):
        self.items.append(other)
        return self

    def __len__(self):
        return len(self.items)


a = Acc()
a += 1
a += "x"
print(len(a), a.items)
b = [Acc()]
b[0] += 5
print(b[0].items)


def make_class(prefix):
    factor = 3

    class Tagged:
        label = prefix.upper()

        def tag(self, s):
            return f"{prefix}:{s}:{factor}:{Tagged.label}:{self.label}"

    return Tagged


T = make_class("ab")
print(T().tag("x"), T.label)


class Exploding:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        raise ValueError("from exit")


try:
    with Exploding():
        raise KeyError("inner")
except ValueError as e:
    print("caught", e, repr(e.__context__))


class Base:
    def __init__(self, v):
        if v < 0:
            raise ValueError("negative")
        self.v = v


class Child(Base):
    def __init__(self, v):
        print("child init", v)
        super().__init__(v)


try:
    Child(-1)
except ValueError as e:
    print("ValueError:", e)
print(Child(2).v)


def walk(tree):
    if isinstance(tree, list):
        for sub in tree:
            yield from walk(sub)
    else:
        yield tree


print(list(walk([1, [2, [3, [4]], 5]])))


class Tree:
    def __init__(self, v, kids=()):
        self.v, self.kids = v, list(kids)

    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k


t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
print(list(t), sum(t), max(t), [x for x in t if x % 2])


def helper():
    raise ValueError("in helper")
try:
    try:
        {}["k"]
    except KeyError:
        helper()
except ValueError as e:
    print(repr(e.__context__), e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        try:
            int("x")
        except ValueError as inner:
            print("inner ctx", repr(inner.__context__))
        raise TypeError("outer")
except TypeError as e:
    print("ctx", repr(e.__context__))
try:
    raise KeyError("plain")
except KeyError as e:
    print("no ctx", e.__context__)
def f():
    try:
        return 1 / 0
    except ZeroDivisionError:
        return "handled"
print(f())
try:
    [][1]
except IndexError as e:
    print("fresh", e.__context__)


def g():
    try:
        raise KeyError("in gen")
    except KeyError:
        yield 1
        yield 2
    yield 3


gen = g()
print(next(gen))
try:
    1 / 0
except ZeroDivisionError as e:
    print("ctx", e.__context__)
print(next(gen))


def h():
    try:
        yield 1
    except ValueError:
        raise TypeError("from gen")


x = h()
next(x)
try:
    x.throw(ValueError("thrown"))
except TypeError as e:
    print("thrown ctx", repr(e.__context__))

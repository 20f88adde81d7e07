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

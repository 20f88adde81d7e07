class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"P({self.x}, {self.y})"
p = P(1.5, 2)
print("{0.x} and {0.y}".format(p), "{p.x:>6.2f}|".format(p=p), "%s / %r" % (p, p), f"{p!s:>12}|", f"{p.x:08.3f}")
pts = [P(3, 1), P(1, 2), P(2, 0)]
print(sorted(pts, key=lambda q: q.x), max(pts, key=lambda q: q.y), min(pts, key=lambda q: (q.y, q.x)))
print({p.x: p for p in pts}, [q.y for q in pts if q.x > 1], sum(q.x for q in pts))
d = {}
for q in pts:
    d.setdefault(q.y > 0, []).append(q)
print(d)
print(list(map(repr, pts)), ", ".join(map(str, pts)), any(q.x == 2 for q in pts), all(isinstance(q, P) for q in pts))
print(getattr(p, "x"), [getattr(q, "y") for q in pts])
class Registry:
    items = {}
    @classmethod
    def register(cls, name):
        def deco(fn):
            cls.items[name] = fn
            return fn
        return deco
@Registry.register("double")
def double(x):
    return 2 * x
@Registry.register("neg")
def neg(x):
    return -x
print({k: f(5) for k, f in Registry.items.items()}, double(4))
def count_calls(fn):
    def wrapper(*a, **k):
        wrapper.calls += 1
        return fn(*a, **k)
    wrapper.calls = 0
    return wrapper
class S:
    @count_calls
    def m(self, v):
        return v + 1
s = S()
print(s.m(1), s.m(2), S.m.calls)
class Chain:
    def __init__(self):
        self.ops = []
    def add(self, v):
        self.ops.append(("add", v))
        return self
    def mul(self, v):
        self.ops.append(("mul", v))
        return self
    def run(self, x):
        for op, v in self.ops:
            x = x + v if op == "add" else x * v
        return x
print(Chain().add(2).mul(3).add(-1).run(1))
class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def __matmul__(self, o):
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in zip(*o.rows)] for r in self.rows])
    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]
    def __repr__(self):
        return f"Matrix({self.rows})"
m = Matrix([[1, 2], [3, 4]])
print(m @ m, (m @ m)[1, 0], m[0, 1])
class Temp:
    def __init__(self, d):
        self.d = d
    def __eq__(self, o):
        return self.d == o.d
    def __hash__(self):
        return hash(self.d)
print(Temp(1) == Temp(1), hash(Temp(5)), len([Temp(1), Temp(1)]))

class A:
    x = [1]
    def __init__(self):
        self.y = 2
    def __eq__(self, o):
        return isinstance(o, A) and self.y == o.y
print(A() == A(), A() != A(), A() in [A()], [A()].count(A()), [A()].index(A()))
try:
    hash(A())
except TypeError as e:
    print(e)
class B:
    pass
b = B()
print(b == b, b != B(), b in [b], {b: 1}[b], len({b, b}))
print(B.__bases__, A.__mro__, type(A), type(type(A())))
print(str(A)[:8], repr(B))
class C:
    def __repr__(self):
        return "C!"
print(str(C()), f"{C()}", "%s and %r" % (C(), C()), "{} {!r}".format(C(), C()))
print(isinstance(C(), (A, C)), issubclass(C, C), C.__name__.lower())
class D(C):
    def __str__(self):
        return "D-str"
print(D(), [D()], str(D()), repr(D()))
class Node:
    def __init__(self, val, nxt=None):
        self.val, self.nxt = val, nxt
    def __iter__(self):
        node = self
        while node:
            yield node.val
            node = node.nxt
n = Node(1, Node(2, Node(3)))
print(list(n), sum(n), sorted(n, reverse=True), 2 in n, [v * 2 for v in n], dict(zip(n, "abc")))
class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
        return self
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()
    def __len__(self):
        return len(self._items)
    def __repr__(self):
        return f"Stack({self._items})"
s = Stack().push(1).push(2)
print(s, len(s), s.pop(), s, bool(s), bool(Stack()))
try:
    Stack().pop()
except IndexError as e:
    print("IndexError:", e)
class Temp:
    def __init__(self, c):
        self.c = c
    def __lt__(self, o):
        return self.c < o.c
    def __repr__(self):
        return f"T{self.c}"
ts = [Temp(3), Temp(1), Temp(2)]
ts.sort()
print(ts, sorted(ts, key=lambda t: -t.c), max(ts), min(ts, key=lambda t: t.c), Temp(1) > Temp(0))
print(Temp(5) > Temp(3), Temp(1) < Temp(2))
try:
    Temp(1) <= Temp(2)
except TypeError as e:
    print(e)
class Meta:
    count = 0
    @classmethod
    def inc(cls):
        cls.count += 1
        return cls.count
class Sub(Meta): pass
print(Meta.inc(), Meta.inc(), Sub.inc(), Meta.count, Sub.count)

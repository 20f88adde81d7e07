class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        return NotImplemented

    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(self.x * k, self.y * k)
        return NotImplemented

    __rmul__ = __mul__

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __eq__(self, other):
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)

    def __bool__(self):
        return bool(self.x or self.y)

    def __iter__(self):
        yield self.x
        yield self.y


v, w = Vec(1, 2), Vec(3, 4)
print(v + w, w - v, v * 3, 3 * v, -v, abs(w), sum([v, w]), sum([v, w], Vec(0, 0)))
print(v == Vec(1, 2), v != w, v == 5, bool(Vec(0, 0)), bool(v), list(w), tuple(v))
x, y = w
print(x, y, max(w), [c * 2 for c in v])
try:
    v + 1
except TypeError as e:
    print("TypeError:", e)
try:
    v * "a"
except TypeError as e:
    print("TypeError:", e)
try:
    v < w
except TypeError as e:
    print("TypeError:", e)
try:
    {v: 1}
except TypeError as e:
    print("TypeError:", e)
acc = Vec(0, 0)
acc += v
acc += w
print(acc)


class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __lt__(self, other):
        return self.parts < other.parts

    def __le__(self, other):
        return self.parts <= other.parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __hash__(self):
        return hash(self.parts[0])

    def __str__(self):
        return ".".join(map(str, self.parts))

    def __repr__(self):
        return f"Version('{self}')"


vs = [Version("1.10"), Version("1.2"), Version("0.9.9")]
print(sorted(vs), min(vs), max(vs), Version("1.2") > Version("1.1"), Version("2.0") >= Version("2.0"))
print(sorted(vs, reverse=True), str(vs[0]), f"{vs[1]}", f"{vs[1]!r}")


class Deck:
    def __init__(self):
        self.cards = [f"{r}{s}" for s in "SH" for r in "AK"]

    def __len__(self):
        return len(self.cards)

    def __getitem__(self, i):
        return self.cards[i]

    def __setitem__(self, i, v):
        self.cards[i] = v

    def __delitem__(self, i):
        del self.cards[i]

    def __contains__(self, card):
        return card in self.cards


deck = Deck()
print(len(deck), deck[0], deck[-1], deck[1:3], "KH" in deck, "QS" in deck, list(deck), bool(deck))
deck[0] = "QS"
del deck[1]
print(deck.cards, [c for c in deck], sorted(deck), list(reversed(deck.cards)))


class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, scale=1):
        return (x + self.n) * scale


add5 = Adder(5)
print(add5(1), add5(1, scale=10), list(map(add5, [1, 2])), callable(add5))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


cd = Countdown(3)
print(next(cd), list(cd), next(cd, "done"), list(zip(Countdown(2), "ab")), iter(cd) is cd)


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "d":
            return f"${self.cents / 100:.2f}"
        return str(self.cents)


m = Money(1234)
print(f"{m:d} {m}", format(m, "d"))


class Empty:
    def __len__(self):
        return 0


print(bool(Empty()), not Empty(), "yes" if Empty() else "no")

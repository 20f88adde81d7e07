class Config:
    base = 10
    double = base * 2
    items = [i for i in range(3)]
    names = ("a", "b")
    lookup = {n: i for i, n in enumerate(names)}
    del names
    def get(self, k):
        return self.lookup.get(k, self.double)
print(Config.double, Config.items, Config.lookup, Config().get("b"), Config().get("z"), hasattr(Config, "names"))
x = "global"
class Scope:
    x = "class"
    def show(self):
        return x
    y = x
print(Scope().show(), Scope.y)
class Dyn:
    def __getattr__(self, name):
        if name.startswith("get_"):
            return lambda: name[4:]
        raise AttributeError(f"no {name}")
d = Dyn()
print(d.get_apple(), getattr(d, "get_x")(), hasattr(d, "other"))
class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)
l = Logged()
l.a = 1
l.a += 1
print(l.a, vars(l))
class Counter:
    def __init__(self):
        self.n = 0
    def make(self):
        def inc(by=1):
            self.n += by
            return self.n
        return inc
c = Counter()
f = c.make()
print(f(), f(5), c.n)
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Pt(%d, %d)" % (self.x, self.y)
    def __iter__(self):
        return iter((self.x, self.y))
    def __getitem__(self, i):
        return (self.x, self.y)[i]
p = Pt(3, 4)
a, b = p
print(a, b, list(p), p[1], [*p], dict(zip("xy", p)), max(p), "%s" % (p,))
print(sorted([Pt(2, 1), Pt(1, 2)], key=lambda q: q.x))
class E(Exception):
    def __init__(self, code, msg="failed"):
        super().__init__(msg)
        self.code = code
try:
    raise E(404)
except E as e:
    print(e, e.code, e.args, repr(e))
try:
    raise E(500, msg="server")
except Exception as e:
    print(type(e).__name__, e, e.code)
class Animal:
    sound = None
    def speak(self):
        return f"{type(self).__name__.lower()} says {self.sound}"
class Dog(Animal):
    sound = "woof"
class Puppy(Dog):
    def speak(self):
        return super().speak() + "!"
print([a.speak() for a in (Dog(), Puppy())], Puppy.sound, isinstance(Puppy(), Animal))
class Lazy:
    @property
    def value(self):
        print("computing")
        return 42
lz = Lazy()
print(lz.value, lz.value)
class WithStatic:
    @staticmethod
    def helper(x):
        return x * 2
    def use(self):
        return self.helper(3) + WithStatic.helper(1)
print(WithStatic().use(), WithStatic.helper(5))

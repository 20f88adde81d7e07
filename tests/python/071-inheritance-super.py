class A:
    def __init__(self):
        print("A.__init__")
        self.trail = ["A"]

    def who(self):
        return "A"

    @classmethod
    def create(cls):
        return cls()


class B(A):
    def __init__(self):
        super().__init__()
        print("B.__init__")
        self.trail.append("B")

    def who(self):
        return "B>" + super().who()


class C(A):
    def __init__(self):
        super().__init__()
        print("C.__init__")
        self.trail.append("C")

    def who(self):
        return "C>" + super().who()


class D(B, C):
    def __init__(self):
        super().__init__()
        self.trail.append("D")

    def who(self):
        return "D>" + super().who()


d = D()
print(d.trail, d.who())
print([k.__name__ for k in D.__mro__])
print([k.__name__ for k in D.mro()], [k.__name__ for k in D.__bases__])
print(issubclass(D, A), issubclass(A, D), issubclass(D, (int, C)), issubclass(B, object))
print(isinstance(d, C), isinstance(d, (int, str)), type(D.create()).__name__)


class Base:
    greeting = "hello"

    def greet(self):
        return f"{self.greeting} from {type(self).__name__}"


class Child(Base):
    greeting = "hi"


class GrandChild(Child):
    def greet(self):
        return Base.greet(self).upper()


print(Base().greet(), Child().greet(), GrandChild().greet())


class Shape:
    def area(self):
        raise NotImplementedError(f"{type(self).__name__}.area")

    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3.14159 * self.r ** 2


class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)


for s in [Circle(1), Rect(2, 3), Square(4)]:
    print(s.describe())
try:
    Shape().describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)


class X: pass
class Y: pass
class AA(X, Y): pass
class BB(Y, X): pass
try:
    class CC(AA, BB): pass
except TypeError as e:
    print("TypeError:", e)

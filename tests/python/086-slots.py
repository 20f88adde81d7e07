class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
p.x = 10
print(p.x, p.y)
print(hasattr(p, "__dict__"))
print(Point.x)

try:
    p.z = 3
except AttributeError as err:
    print(err)


class Point3D(Point):
    pass


q = Point3D(1, 2)
q.z = 3
print(q.z, hasattr(q, "__dict__"))

import copy


class Point:
    def __init__(self, x, y, tags):
        self.x, self.y, self.tags = x, y, tags

    def __repr__(self):
        return f"Point({self.x}, {self.y}, {self.tags})"


nested = {"a": [1, [2, 3]], "b": (4, [5])}
sh = copy.copy(nested)
dp = copy.deepcopy(nested)
nested["a"][1].append(99)
nested["b"][1].append(6)
print(sh, dp, sh["a"] is nested["a"], dp["a"] is nested["a"])
p = Point(1, 2, ["t"])
p2 = copy.copy(p)
p3 = copy.deepcopy(p)
p.tags.append("u")
p2.x = 10
print(p, p2, p3, p2.tags is p.tags, p3.tags is p.tags)
shared = [1]
pair = [shared, shared]
dpair = copy.deepcopy(pair)
print(dpair, dpair[0] is dpair[1], dpair[0] is shared)
t = (1, 2, 3)
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2])) == (1, [2]))
s = {3, 1, 2}
print(copy.copy(s), copy.deepcopy([s])[0] == s, copy.copy("text"), copy.deepcopy(None))
cyc = [1]
cyc.append(cyc)
c2 = copy.deepcopy(cyc)
print(c2[1] is c2, c2[1] is cyc)

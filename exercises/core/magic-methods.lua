-- Exercises for core.magic-methods: operators and built-ins call dunder
-- methods; NotImplemented and reflected operands; __eq__ and __hash__.
return {
  {
    id = "core.magic-methods.explain",
    followup = "core.magic-methods.followup-hash",
    topic = "core.magic-methods",
    level = "advanced",
    kind = "explain",
    prompt = "\"What are magic (dunder) methods? How does `a + b` or `len(x)` end up running code in your class?\"",
    hints = {
      "What does Python translate `a + b` into?",
      "Operators and built-ins call specially named methods on the type: __add__, __len__, __eq__ ...",
      "If __add__ returns NotImplemented, Python tries the other operand's __radd__; defining __eq__ without __hash__ makes instances unhashable.",
    },
    solution = "Magic or dunder methods are the specially named methods, with double underscores, that Python calls to implement operators and built-in functions. a + b runs type(a).__add__(a, b), len(x) runs __len__, == runs __eq__, x[i] runs __getitem__, iteration uses __iter__, and with uses __enter__ and __exit__; you rarely call them directly. If __add__ returns NotImplemented, Python tries the reflected method on the other operand, b.__radd__(a), which is why 3 * v needs __rmul__. Defining __eq__ without __hash__ sets __hash__ to None, so instances become unhashable unless you also define a consistent __hash__.",
    why = "Dunder methods are how user types plug into the language; the NotImplemented and hashing details show depth.",
    rubric = {
      concepts = {
        { label = "specially named (double underscore) methods Python calls for operators and built-ins", weight = 2,
          match = { [[\bdouble underscores?\b]], [[\bdunder\w*]], [[\bspecial methods?\b]], [[\boperators?\b]],
                    [[\bbuilt-?in (?:functions?|operations?)\b]], [[\bsyntax\b]], [[\bprotocols?\b]], [[\bhooks?\b]],
                    [[\bpython calls\b]], [[\bcalled (?:by python|implicitly|automatically)\b]] } },
        { label = "the mapping: + is __add__, len() is __len__, == is __eq__ ...", weight = 2,
          match = { [[__add__]], [[__len__]], [[__eq__]], [[__getitem__]], [[__iter__]], [[__mul__]], [[__lt__]],
                    [[__contains__]], [[__call__]], [[__enter__]], [[__bool__]] } },
        { label = "NotImplemented makes Python try the reflected method (__radd__)", weight = 1.5,
          match = { [[\bnotimplemented\b]], [[__r[a-z]+__]], [[\breflected\b]], [[\bright[- ]hand\b]], [[\bswapped\b]],
                    [[\breversed? (?:operands?|methods?)\b]], [[\bother operand\b]] } },
        { label = "__eq__ without __hash__ makes instances unhashable", weight = 1,
          match = { [[__hash__]], [[\bunhashable\b]], [[\bhash(?:able|ing)?\b]] } },
      },
      red_flags = {
        { label = "you normally use the operator, not call dunder methods directly", penalty = 0.6,
          match = { [[\b(?:you )?(?:should|must|have to|need to) call (?:them|these|dunder methods|magic methods) (?:directly|yourself)\b]] } },
        { label = "dunder methods are not private methods", penalty = 0.6,
          match = { [[\b(?:dunder|magic|these) methods? (?:are|is) (?:just )?private\b]] } },
      },
    },
    samples = {
      good = {
        "Dunder methods are special methods with double underscores that Python calls for operators and built-ins: a + b calls a.__add__(b), len(x) calls x.__len__(), == calls __eq__. If __add__ returns NotImplemented, Python tries b.__radd__(a). And defining __eq__ without __hash__ makes the objects unhashable.",
        "They're hooks with names like __add__ and __len__. When you write a plus sign or call len, Python looks up the matching method on the object's class and runs it, so your own types behave like built-in ones. If your method can't handle the other value it returns NotImplemented and Python asks the other side instead.",
        "Operators are syntax for special methods: + is __add__, [] is __getitem__, in is __contains__. The reflected __rmul__ is what makes 3 * v work.",
      },
      bad = {
        "Magic methods are private methods, and you must call them directly, like a.__add__(b), because + doesn't use them.",
        "__add__, __len__, __eq__, dunder, NotImplemented, __hash__.",
        "Operators never call dunder methods, and + does not use __add__ or __len__.",
      },
    },
  },
  {
    id = "core.magic-methods.radd",
    topic = "core.magic-methods",
    level = "advanced",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
class Seconds:
    def __init__(self, n):
        self.n = n

    def __add__(self, other):
        if isinstance(other, Seconds):
            return Seconds(self.n + other.n)
        if isinstance(other, int):
            return Seconds(self.n + other)
        return NotImplemented

    def __radd__(self, other):
        return self + other

    def __eq__(self, other):
        return isinstance(other, Seconds) and self.n == other.n

    def __repr__(self):
        return f"Seconds({self.n})"

a = Seconds(30)
print(a + Seconds(15), 10 + a)
print(sum([Seconds(1), Seconds(2)]))
print(a == Seconds(30), a is Seconds(30))
try:
    {a}
except TypeError as err:
    print(err)]],
    expected = "Seconds(45) Seconds(40)\nSeconds(3)\nTrue False\nunhashable type: 'Seconds'",
    hints = {
      "int.__add__ does not know Seconds: what does Python do next for 10 + a? And what does sum() start from?",
      "The reflected __radd__ handles int + Seconds; sum starts with 0.",
      "Defining __eq__ without __hash__ sets __hash__ to None, so a set literal raises TypeError.",
    },
    why = "Reflected operators and the __eq__/__hash__ rule are the two dunder details that trip up experienced developers.",
    wrong = { "Seconds(45) Seconds(40)\nTypeError\nTrue False\n{Seconds(30)}",
              "Seconds(45) Seconds(40)\nSeconds(3)\nTrue True\nunhashable type: 'Seconds'",
              "Seconds(45) 40\nSeconds(3)\nTrue False\nunhashable type: 'Seconds'" },
  },
  {
    id = "core.magic-methods.contains",
    topic = "core.magic-methods",
    level = "advanced",
    kind = "choice",
    prompt = "A class `Box` should support `item in box`. Defining which one of these methods, on its own, is enough for `in` to work? Choose every one.",
    options = {
      { text = "__contains__", correct = true, why = "The direct hook: `in` calls it first." },
      { text = "__iter__", correct = true, why = "Without __contains__, `in` iterates and compares each item with ==." },
      { text = "__getitem__ (taking 0, 1, 2 ... and raising IndexError at the end)", correct = true,
        why = "The old sequence protocol: without __contains__ or __iter__, Python indexes from 0 until IndexError." },
      { text = "__len__", why = "len() alone gives no way to reach the items." },
      { text = "__eq__", why = "__eq__ is used to compare items once they are found, but it cannot produce them." },
    },
    hints = {
      "`in` has a direct hook and two fallbacks.",
      "If there is no __contains__, Python tries to iterate over the object; iteration itself has a fallback.",
    },
    solution = "__contains__, __iter__ and __getitem__ each make `in` work.",
    why = "The fallback chain shows you know the protocols behind the syntax rather than one method name.",
  },
  {
    id = "core.magic-methods.followup-hash",
    topic = "core.magic-methods",
    level = "advanced",
    kind = "explain",
    prompt = "Follow-up to the dunder question: \"Why does defining `__eq__` make instances unhashable, and how do you write `__hash__` correctly?\"",
    hints = {
      "What must be true of two objects that compare equal, if both are keys in one dict?",
      "Equal objects must have equal hashes; the inherited identity-based hash would break that.",
      "Python sets __hash__ to None; define it as hash of a tuple of the same fields __eq__ compares, and keep those fields immutable.",
    },
    solution = "Dicts and sets rely on one rule: objects that compare equal must have the same hash. The default hash is based on identity, which is only consistent with the default identity-based ==. So when a class defines __eq__ without __hash__, Python sets __hash__ to None and instances become unhashable, rather than silently breaking lookups. To fix it, define __hash__ from exactly the fields that __eq__ compares, usually return hash((self.x, self.y)), and make sure those fields never change while the object is in a set or dict; a frozen dataclass does all of this for you.",
    why = "The hash/eq contract is where custom classes and dicts meet; getting it wrong causes silent lookup bugs.",
    rubric = {
      concepts = {
        { label = "equal objects must have equal hashes (the dict/set contract)", weight = 2,
          match = { [[\bequal (?:objects|instances|things|values|keys) (?:must |should |need to )?(?:have|get|produce|give) (?:the )?(?:same|equal) hash\w*]],
                    [[\bsame hash\b]], [[\bequal hash\w*]], [[\bhash(?:es)? (?:to )?the same\b]], [[\bimpl(?:y|ies) hash\b]], [[\bhash\w* (?:must|should|have to) (?:agree|match|be consistent)\b]],
                    [[\bconsisten\w*]], [[\b(?:wouldn't|won't|isn't|no longer) (?:be )?(?:consistent|agree|match)\w*]] } },
        { label = "so Python sets __hash__ to None when only __eq__ is defined", weight = 1.5,
          match = { [[__hash__ (?:is |gets )?(?:set to |becomes )?none\b]], [[\bsets? __hash__ to none\b]], [[\bunhashable\b]], [[\bimplicitly\b]] } },
        { label = "the inherited hash is identity-based and would break lookups", weight = 1,
          match = { [[\bidentity\b]], [[\bid\(\)]], [[\bmemory address\b]], [[\blookups?\b]], [[\bbuckets?\b]], [[\bfind\b]],
                    [[\b(?:dicts?|sets?)(?: and (?:dicts?|sets?))? (?:would )?(?:break|fail|misbehave)\b]] } },
        { label = "fix: hash a tuple of the fields __eq__ compares, and keep them immutable", weight = 1.5,
          match = { [[\bhash\(\(]], [[\btuple\b]], [[\bsame (?:fields|attributes|values)\b]], [[\bimmutable\b]], [[\bfrozen\b]],
                    [[\bdataclass\w*]], [[\bnever change\b]] } },
      },
      red_flags = {
        { label = "hashing by id() breaks the contract for equal objects", penalty = 0.6,
          match = { [[\breturn id\(self\)]], [[\bhash\(id\(self\)\)]], [[\buse (?:the )?id\b]] } },
      },
    },
    samples = {
      good = {
        "Dicts and sets require that equal objects have the same hash. The default hash is identity-based, so once you define __eq__ Python sets __hash__ to None, making instances unhashable instead of breaking lookups. Write __hash__ as hash of a tuple of the same fields __eq__ compares, and keep them immutable, or use a frozen dataclass.",
        "If two objects count as equal they have to land in the same place in a dict, so their hashes must match. The inherited hash only knows about identity, so Python switches hashing off for you. Hash the same values you compare, and don't change them afterwards.",
        "Python makes the class unhashable because the old id-based hash wouldn't be consistent with the new ==. The fix is return hash((self.x, self.y)) over the compared fields.",
      },
      bad = {
        "It is a bug in Python; just write def __hash__(self): return id(self) and everything works.",
        "__eq__, __hash__, None, unhashable, tuple, frozen.",
        "Equal objects do not need the same hash, and __hash__ is not set to None.",
      },
    },
  },
}

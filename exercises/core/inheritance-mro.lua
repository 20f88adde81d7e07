-- Exercises for core.inheritance-mro: lookup order, C3, super() in a
-- diamond.
local DIAMOND = [[
class Base:
    def greet(self):
        return ["Base"]

class Left(Base):
    def greet(self):
        return ["Left"] + super().greet()

class Right(Base):
    def greet(self):
        return ["Right"] + super().greet()

class Child(Left, Right):
    def greet(self):
        return ["Child"] + super().greet()
]]
return {
  {
    id = "core.inheritance-mro.explain",
    topic = "core.inheritance-mro",
    level = "intermediate",
    kind = "explain",
    prompt = "\"What is the MRO in Python, and what does `super()` actually call when a class has several parents?\"",
    hints = {
      "When you call obj.method(), in which classes does Python look, and in what order?",
      "The method resolution order is computed by C3 linearization; super() follows it.",
      "super() calls the next class in the MRO of the object's class, which in a diamond can be a sibling, not the parent.",
    },
    solution = "The MRO, method resolution order, is the order in which Python searches classes for an attribute: the class itself, then its bases, ending with object. It is computed by C3 linearization, which keeps every class before its parents, keeps the parents in the order they are listed, and visits each class only once, even in a diamond. super() does not mean \"my parent\": it calls the next class after the current one in the MRO of the instance's class, so in class Child(Left, Right), Left's super() reaches Right. You can inspect the order with Child.__mro__ or Child.mro(); cooperative classes all call super() so each method runs once.",
    why = "Multiple inheritance and super() expose whether you know how attribute lookup really works.",
    rubric = {
      concepts = {
        { label = "the MRO is the order in which classes are searched for an attribute", weight = 2,
          match = { [[\bmethod resolution order\b]], [[\b(?:lookup|search|resolution) order\b]],
                    [[\border (?:in which )?(?:python )?(?:looks|searches|checks|resolves)\b]], [[\bmro\b[^.;]{0,40}\border\b]],
                    [[\blooks? (?:for|up) (?:a |the )?(?:method|attribute)s?\b]], [[\blines? up\b]] } },
        { label = "C3 linearization: children before parents, bases in listed order, each once", weight = 1.5,
          match = { [[\bc3\b]], [[\blineari[sz]\w*]], [[\bleft[- ]to[- ]right\b]], [[\bchild(?:ren)? (?:classes )?(?:before|first)\b]],
                    [[\bsubclass(?:es)? (?:come )?before\b]], [[\border (?:they are |they're )?(?:listed|declared|written)\b]],
                    [[\b(?:only )?once\b]], [[\bdiamond\b]] } },
        { label = "super() calls the next class in the MRO, not necessarily the parent", weight = 2,
          subject = { [[\bsuper\b]] },
          object = { [[\bnext (?:class|one|in line|in the mro|method|entry|item)\b]], [[\bnot (?:necessarily |always )?(?:the |its |a )?(?:direct |immediate )?(?:parent|base)\b]],
                     [[\bafter (?:the )?current\b]], [[\bsibling\b]], [[\bfollows? the mro\b]] } },
        { label = "inspect it with __mro__ / mro(); cooperative super() calls", weight = 1,
          match = { [[__mro__]], [[\bmro\(\)]], [[\bcooperative\w*]], [[\bevery class calls super\b]] } },
      },
      red_flags = {
        { label = "super() follows the MRO; it does not always call the direct parent", penalty = 0.6,
          subject = { [[\bsuper\b]] },
          object = { [[\balways (?:calls? )?(?:the )?(?:direct |immediate |first )?(?:parent|base)\b]],
                     [[\bcalls? (?:all|every) (?:the )?(?:parents|bases)\b]] } },
      },
    },
    samples = {
      good = {
        "The MRO is the method resolution order: the order Python searches the class and its bases for an attribute, computed with C3 linearization so subclasses come before their parents and each class appears once. super() calls the next class in the MRO, not necessarily the direct parent; you can see it with __mro__.",
        "Python lines up the class and all its ancestors in one list, the child first and the parents in the order you wrote them, and looks for a method along that list. super() just moves to the next entry in that list, so in a diamond it can jump to a sibling class.",
        "C3 linearization gives the lookup order (Cls.mro()); super follows the mro of the instance's class, which makes cooperative multiple inheritance work.",
      },
      bad = {
        "super() always calls the direct parent class, and Python searches the parents depth-first before the child.",
        "MRO, C3, super, __mro__, diamond, linearization.",
        "The MRO is not a lookup order and super does not call the next class in it.",
      },
    },
  },
  {
    id = "core.inheritance-mro.diamond",
    topic = "core.inheritance-mro",
    level = "intermediate",
    kind = "output",
    prompt = "What does this program print?",
    code = DIAMOND .. [[

print(Child().greet())
print([c.__name__ for c in Child.__mro__])
print(Left().greet())]],
    expected = "['Child', 'Left', 'Right', 'Base']\n['Child', 'Left', 'Right', 'Base', 'object']\n['Left', 'Base']",
    hints = {
      "Write down Child's MRO first.",
      "super() inside Left goes to the class after Left in the MRO of the object being used, not to Left's own parent.",
      "For a Child object, Left's super() reaches Right; for a plain Left object, it reaches Base. Base runs once.",
    },
    why = "The diamond with super() is the canonical MRO question.",
    wrong = { "['Child', 'Left', 'Base']\n['Child', 'Left', 'Right', 'Base', 'object']\n['Left', 'Base']",
              "['Child', 'Left', 'Base', 'Right', 'Base']\n['Child', 'Left', 'Base', 'Right', 'object']\n['Left', 'Base']",
              "['Child', 'Left', 'Right', 'Base']\n['Child', 'Left', 'Right', 'Base', 'object']\n['Left', 'Right', 'Base']" },
  },
  {
    id = "core.inheritance-mro.next-class",
    topic = "core.inheritance-mro",
    level = "intermediate",
    kind = "choice",
    prompt = "With the classes below, `Child().greet()` runs `Left.greet`, which calls `super().greet()`. Which method does that call reach?\n\n```python\n" .. DIAMOND .. "```",
    options = {
      { text = "Right.greet", correct = true,
        why = "super() uses the MRO of the instance's class, Child: [Child, Left, Right, Base, object], and Right comes after Left." },
      { text = "Base.greet",
        why = "Base is Left's own parent, but super() is not \"my parent\": it follows the instance's MRO, where Right comes first." },
      { text = "Child.greet",
        why = "The MRO only moves forward from the current class; it never goes back to Child." },
      { text = "Both Right.greet and Base.greet, once each, in one call",
        why = "One super() call reaches exactly one method; Base runs later because Right calls super() too." },
    },
    hints = {
      "super() has two inputs: the class it is written in and the object it is called on.",
      "Look up Child.__mro__ and find the class after Left.",
    },
    solution = "Right.greet: the next class after Left in Child's MRO.",
    why = "Shows you know super() is cooperative and MRO-driven, not a call to the parent.",
  },
  {
    id = "core.inheritance-mro.skipped-init",
    topic = "core.inheritance-mro",
    level = "advanced",
    kind = "bug",
    prompt = "`Service().log` raises `AttributeError: 'Service' object has no attribute 'log'`. Which line is the bug? Then say why.",
    code = [[
class Base:
    def __init__(self):
        self.ready = True

class Logged(Base):
    def __init__(self):
        super().__init__()
        self.log = []

class Cached(Base):
    def __init__(self):
        Base.__init__(self)
        self.cache = {}

class Service(Cached, Logged):
    def __init__(self):
        super().__init__()]],
    buggy = 12,
    rubric = {
      concepts = {
        { label = "Cached calls Base directly, skipping the next class in Service's MRO (Logged)", weight = 2,
          match = { [[\bskip\w*]], [[\bnever (?:runs|called|reached)\b]], [[\bbypass\w*]], [[\bmro\b]], [[\bnext class\b]],
                    [[\bcooperative\w*]], [[\blogged(?:'s)? (?:__init__|init(?:iali[sz]er)?)\b]] } },
        { label = "fix: super().__init__() there too", weight = 1,
          match = { [[\bsuper\b]] } },
      },
    },
    samples = {
      good = {
        "Cached calls Base.__init__ directly, so it skips the next class in Service's MRO, which is Logged; Logged.__init__ never runs. Use super().__init__() in Cached.",
        "Hard-coding the parent bypasses Logged in the MRO; every class must call super().",
      },
      bad = {
        "Service should inherit from Logged first.",
        "Base, __init__, Logged.",
      },
    },
    hints = {
      "Write down Service's MRO, then follow the __init__ calls.",
      "After Cached comes Logged, not Base: which call jumps over it?",
      "Base.__init__(self) hard-codes the parent; super().__init__() follows the MRO.",
    },
    solution = "Service's MRO is Service, Cached, Logged, Base. Cached calls Base.__init__ directly, so Logged.__init__ is skipped and self.log is never set. Use super().__init__() in Cached so each class calls the next one in the MRO.",
    why = "Mixing super() with hard-coded parent calls is how cooperative multiple inheritance breaks in real code.",
    wrong = { "17", "15", "7" },
  },
}

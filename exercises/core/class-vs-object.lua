-- Exercises for core.class-vs-object: blueprints and instances, class vs
-- instance attributes, shadowing.
return {
  {
    id = "core.class-vs-object.explain",
    topic = "core.class-vs-object",
    level = "intermediate",
    kind = "explain",
    prompt = "\"What is the difference between a class and an object? And between a class attribute and an instance attribute?\"",
    hints = {
      "One describes, the other is made from the description and holds its own data.",
      "Instance attributes live on each object (set through self); class attributes live on the class.",
      "Class attributes are shared by every instance; assigning through an instance creates an instance attribute that shadows the class one.",
    },
    solution = "A class is the blueprint: it defines the methods and the attributes its objects will have. An object, or instance, is one thing built from it, with its own state. Instance attributes are set on self, usually in __init__, and belong to that one object; class attributes are defined in the class body and are shared by all instances. Reading self.rate finds the class attribute if the instance has none, but assigning self.rate = x creates an instance attribute that shadows it, and a mutable class attribute such as a list is shared, which is a classic bug. Classes are objects too: you can pass them around and store them.",
    why = "Object-model basics; the shared-mutable-class-attribute trap separates practitioners from readers.",
    rubric = {
      concepts = {
        { label = "a class is a blueprint; an object is an instance made from it", weight = 2,
          match = { [[\bblue ?prints?\b]], [[\btemplates?\b]], [[\bcookie[- ]cutters?\b]], [[\binstances?\b]], [[\brecipe\b]],
                    [[\bdefines? (?:the )?(?:structure|behaviou?r|attributes|methods|shape)\b]], [[\bplans?\b]] } },
        { label = "instance attributes belong to each object (set on self, in __init__)", weight = 1.5,
          match = { [[__init__]], [[\bself\b]], [[\beach (?:object|instance)\b]], [[\bper[- ](?:object|instance)\b]],
                    [[\bown (?:data|state|copy|attributes|values)\b]], [[\bthat (?:one )?(?:object|instance)\b]] } },
        { label = "class attributes are shared by all instances", weight = 2,
          subject = { [[\bclass (?:attributes?|variables?|level)\b]], [[\bclass body\b]], [[\bon the class\b]] },
          object = { [[\bshared\b]], [[\ball (?:the )?(?:instances|objects)\b]], [[\bevery (?:instance|object)\b]],
                     [[\bsame for (?:all|every)\b]], [[\bone copy\b]] } },
        { label = "assigning through an instance shadows; classes are objects too", weight = 1,
          match = { [[\bshadow\w*]], [[\bhides?\b]], [[\boverrides?\b]], [[\bcreates? (?:a new |an )?instance attribute\b]],
                    [[\bclasses are (?:also )?objects\b]], [[\bfirst[- ]class\b]], [[\bmutable\b]] } },
      },
      red_flags = {
        { label = "instance attributes are per object, not shared", penalty = 0.6,
          subject = { [[\binstance (?:attributes?|variables?)\b]] },
          object = { [[\bshared\b]], [[\ball (?:the )?instances\b]] } },
        { label = "a class attribute is not copied into each instance", penalty = 0.6,
          subject = { [[\bclass (?:attributes?|variables?)\b]] },
          object = { [[\bcop(?:y|ied|ies) (?:in)?to each\b]], [[\beach (?:instance|object) gets its own\b]] } },
      },
    },
    samples = {
      good = {
        "A class is a blueprint and an object is an instance created from it. Instance attributes are set on self in __init__ and belong to each object; class attributes are defined in the class body and shared by all instances. Assigning to the attribute through an instance creates an instance attribute that shadows the class one.",
        "The class is the plan, the object is a concrete thing built from the plan with its own data. Something you put on the class itself is shared by every object, which bites you if it's a list; values you put on self are that object's own.",
        "class = template, object = instance of it. Class variables are the same for all instances; instance variables live in each object's own __dict__.",
      },
      bad = {
        "A class attribute is copied into each instance when it is created, and instance attributes are shared by all instances.",
        "Class, object, instance, blueprint, self, __init__, shared.",
        "A class is not a blueprint and class attributes are not shared; each object does not have its own data.",
      },
    },
  },
  {
    id = "core.class-vs-object.shadowing",
    topic = "core.class-vs-object",
    level = "intermediate",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
class Counter:
    step = 1
    hits = []

    def __init__(self, name):
        self.name = name

a = Counter("a")
b = Counter("b")
a.step = 5
a.hits.append("a")
Counter.step = 2
print(a.step, b.step, Counter.step)
print(b.hits, "step" in vars(a), "step" in vars(b))]],
    expected = "5 2 2\n['a'] True False",
    hints = {
      "Which of the two statements on a creates a new attribute, and which changes an existing object?",
      "a.step = 5 assigns, so it creates an instance attribute; a.hits.append mutates the one list on the class.",
      "b has no step of its own, so it sees the class's new value 2; the hits list is shared by all instances.",
    },
    why = "Assignment versus mutation through an instance is the heart of class vs instance attributes.",
    wrong = { "5 5 2\n[] True False", "2 2 2\n['a'] False False", "5 2 2\n[] True False" },
  },
  {
    id = "core.class-vs-object.shared-list",
    topic = "core.class-vs-object",
    level = "intermediate",
    kind = "bug",
    prompt = "Every new `Cart` already contains the items of all earlier carts. Which line is the bug? Then say why.",
    code = [[
class Cart:
    items = []

    def __init__(self, owner):
        self.owner = owner

    def add(self, item):
        self.items.append(item)
        return len(self.items)]],
    buggy = 2,
    rubric = {
      concepts = {
        { label = "items is a class attribute: one list shared by every cart", weight = 2,
          match = { [[\bshared\b]], [[\ball (?:the )?(?:carts|instances|objects)\b]], [[\bevery (?:cart|instance|object)\b]],
                    [[\bclass (?:attribute|variable|level)\b]], [[\bone (?:single )?list\b]], [[\bsame list\b]] } },
        { label = "fix: create the list in __init__ (self.items = [])", weight = 1,
          match = { [[__init__]], [=[\bself\.items\s*=\s*\[\]]=], [[\binstance attribute\b]] } },
      },
    },
    samples = {
      good = {
        "items is a class attribute, so all Cart instances share one list; create it per instance with self.items = [] in __init__.",
        "The list lives on the class, so every cart appends to the same list. Make it an instance attribute in __init__.",
      },
      bad = {
        "append should be extend.",
        "class, list, items.",
      },
    },
    hints = {
      "Where does self.items find the list when the instance has no items of its own?",
      "A mutable class attribute is one object shared by all instances.",
      "Move the list into __init__: self.items = [].",
    },
    solution = "items is a class attribute, so every Cart shares one list and self.items.append mutates it for all. Create the list per instance in __init__: self.items = [].",
    why = "The shared mutable class attribute is the object-oriented cousin of the mutable default argument.",
    wrong = { "8", "5", "4" },
  },
  {
    id = "core.class-vs-object.alt-constructor",
    topic = "core.class-vs-object",
    level = "intermediate",
    kind = "fill",
    prompt = "Make `from_fahrenheit` a method of the class itself (it receives the class, not an instance), so it can build new objects: an alternative constructor.",
    code = [[
class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    @___
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

print(Temperature.from_fahrenheit(212).celsius)   # 100.0]],
    blanks = { { "classmethod" } },
    hints = {
      "The first parameter is cls, not self: which decorator passes the class?",
      "One built-in decorator binds a method to the class instead of the instance.",
    },
    solution = "classmethod",
    why = "Alternative constructors show you know that classes are objects with their own behaviour, and why cls beats a hard-coded class name (subclasses).",
    wrong = { "staticmethod", "property", "classmethod()" },
  },
}

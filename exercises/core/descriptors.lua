-- Exercises for core.descriptors: __get__/__set__ on class attributes,
-- data vs non-data descriptors, where Python uses them.
local POSITIVE = [[
class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)

    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name[1:]} must be > 0")
        setattr(obj, self.name, value)

class Item:
    price = Positive()

    def __init__(self, price):
        self.price = price
]]
return {
  {
    id = "core.descriptors.explain",
    followup = "core.descriptors.followup-methods",
    topic = "core.descriptors",
    level = "advanced",
    kind = "explain",
    prompt = "\"What is a descriptor in Python? Where does the language itself use them?\"",
    hints = {
      "Which methods can an object define so that reading or assigning obj.attr runs its code?",
      "An object with __get__, __set__ or __delete__, stored as a class attribute, takes over access to that attribute on instances.",
      "property, methods (functions), classmethod and staticmethod are all descriptors; a data descriptor (with __set__) beats the instance __dict__.",
    },
    solution = "A descriptor is an object whose class defines __get__, and optionally __set__ or __delete__, and that is stored as a class attribute. When you read instance.attr, Python finds the descriptor on the class and calls its __get__(instance, owner) instead of returning it; assignment calls __set__. That lets you put validation, computed values or lazy loading behind plain attribute syntax, and __set_name__ tells the descriptor the attribute name it was assigned to. Python itself is built on them: property, classmethod, staticmethod, __slots__ and even plain functions, whose __get__ produces bound methods. A data descriptor, one with __set__, takes precedence over the instance __dict__; a non-data descriptor such as a function can be shadowed by it.",
    why = "Descriptors explain how methods, properties and ORMs really work: a favourite deep-dive topic.",
    rubric = {
      concepts = {
        { label = "an object with __get__/__set__/__delete__, stored as a class attribute", weight = 2,
          match = { [[__get__]], [[__set__]], [[__delete__]], [[\bdescriptor protocol\b]],
                    [[\bget(?:ter)? and set(?:ter)? (?:code|methods?|hooks?|functions?)\b]],
                    [[\b(?:special )?object (?:stored |placed |put )?on the class\b]] } },
        { label = "it takes over reading and assigning the attribute on instances", weight = 1.5,
          match = { [[\b(?:controls?|customi[sz]es?|intercepts?|manages?|hooks? into|takes? over|overrides?) (?:\w+ ){0,2}(?:attribute )?(?:access|lookup|reads?|reading|writes?|assignment|gets?|sets?)\b]],
                    [[\bwhen (?:you )?(?:read|access|get|set|assign)\w*]], [[\bvalidat\w*]], [[\bclass attributes?\b]], [[\bon the class\b]] } },
        { label = "property, methods, classmethod and staticmethod are descriptors", weight = 2,
          match = { [[\bpropert(?:y|ies)\b]], [[\bclassmethod\b]], [[\bstaticmethod\b]], [[\bbound methods?\b]],
                    [[\bfunctions? (?:are|is) (?:also )?descriptors?\b]], [[\bmethods\b]], [[__slots__]], [[\borms?\b]] } },
        { label = "data descriptors beat the instance __dict__; __set_name__", weight = 1,
          match = { [[\bdata descriptors?\b]], [[\bprecedence\b]], [[\bpriority\b]], [[__set_name__]], [[\bnon-data\b]],
                    [[\binstance dict\w*]], [[__dict__]] } },
      },
      red_flags = {
        { label = "a descriptor works only as a class attribute, not stored on the instance", penalty = 0.6,
          match = { [[\b(?:store|put|assign|set|create) (?:it|the descriptor|descriptors) (?:on|in) (?:the )?(?:instance|self|__init__)\b]] } },
        { label = "descriptors are not decorators", penalty = 0.6,
          match = { [[\bdescriptors? (?:is|are) (?:just |basically |a kind of )?(?:a )?decorators?\b]] } },
      },
    },
    samples = {
      good = {
        "A descriptor is an object with __get__ and optionally __set__ or __delete__, placed as a class attribute; Python calls those methods when the attribute is read or assigned on an instance, which is handy for validation. property, classmethod, staticmethod and plain functions (bound methods) are descriptors, and a data descriptor takes precedence over the instance __dict__.",
        "You put a special object on the class, and from then on reading or setting that attribute on any instance runs the object's own get and set code instead of just storing the value. That's exactly how property works, and how a function turns into a bound method when you look it up on an instance.",
        "Descriptors implement __get__/__set__ to intercept attribute access; @property is the everyday example, and ORMs use them for columns.",
      },
      bad = {
        "A descriptor is just a decorator: you store it on the instance in __init__ and it describes the class.",
        "__get__, __set__, __set_name__, property, classmethod, data descriptor.",
        "A descriptor does not define __get__ or __set__, and property and methods are not descriptors.",
      },
    },
  },
  {
    id = "core.descriptors.validate",
    topic = "core.descriptors",
    level = "advanced",
    kind = "output",
    prompt = "What does this program print?",
    code = POSITIVE .. [[

item = Item(5)
print(item.price, vars(item))
try:
    item.price = -1
except ValueError as err:
    print(err)
print(type(Item.price).__name__, item.price)]],
    expected = "5 {'_price': 5}\nprice must be > 0\nPositive 5",
    hints = {
      "Which method runs for self.price = price in __init__, and where does it store the value?",
      "__set__ validates and stores under the name __set_name__ chose; reading through the class passes obj=None.",
      "The instance dict holds _price only; the failed assignment leaves 5 in place; Item.price returns the descriptor itself.",
    },
    why = "Tracing a validating descriptor shows you know which hook runs when, including access through the class.",
    wrong = { "5 {'price': 5}\nprice must be > 0\nPositive 5",
              "5 {'_price': 5}\nprice must be > 0\nint -1",
              "5 {'_price': 5}\nprice must be > 0\nint 5" },
  },
  {
    id = "core.descriptors.precedence",
    topic = "core.descriptors",
    level = "advanced",
    kind = "choice",
    prompt = "With the classes below, `item = Item(5)` and then `item.__dict__[\"price\"] = 99` bypasses the descriptor and writes straight into the instance dict. What is `item.price` now?\n\n```python\n" .. POSITIVE .. "```",
    options = {
      { text = "5", correct = true,
        why = "Positive defines __set__, so it is a data descriptor: it takes precedence over the instance __dict__, and its __get__ reads _price." },
      { text = "99",
        why = "The instance dict wins only over non-data descriptors (those with just __get__, such as functions)." },
      { text = "It raises AttributeError",
        why = "Nothing was deleted: __get__ still finds _price in the instance dict." },
      { text = "The Positive object itself",
        why = "__get__ returns the descriptor itself only when the attribute is read through the class (obj is None)." },
    },
    hints = {
      "There are two kinds of descriptors, and the instance dict beats only one of them.",
      "A descriptor with __set__ is a data descriptor; it wins over the instance __dict__.",
    },
    solution = "5: a data descriptor takes precedence over the instance __dict__.",
    why = "Lookup precedence is what makes properties un-shadowable while methods can be overridden per instance.",
  },
  {
    id = "core.descriptors.followup-methods",
    topic = "core.descriptors",
    level = "advanced",
    kind = "explain",
    prompt = "Follow-up to the descriptor question: \"How does `obj.method` turn a plain function into a bound method? And why can an instance attribute hide a method but not a property?\"",
    hints = {
      "A function stored in a class is itself a descriptor. Which method does it have?",
      "function.__get__(obj, cls) returns a bound method that remembers obj as self.",
      "property defines __set__ (a data descriptor) and beats the instance dict; a function defines only __get__, so the instance dict wins.",
    },
    solution = "Functions are non-data descriptors: they define __get__. When you look up obj.method, Python finds the function on the class and calls function.__get__(obj, type(obj)), which returns a bound method object that stores obj and passes it as self when called; looked up on the class, you get the plain function back. A property defines __set__ (even if it only raises), which makes it a data descriptor, and data descriptors take precedence over the instance __dict__. A function has no __set__, so an entry with the same name in the instance __dict__ wins and shadows the method.",
    why = "Connects descriptors to everyday code: every method call goes through this mechanism.",
    rubric = {
      concepts = {
        { label = "functions are (non-data) descriptors with __get__", weight = 2,
          match = { [[\bfunctions? (?:are|is) (?:also )?(?:a |an )?(?:non-data )?descriptors?\b]], [[__get__]], [[\bnon-data\b]] } },
        { label = "__get__ returns a bound method that passes the instance as self", weight = 2,
          match = { [[\bbound methods?\b]], [[\bbinds?\b]], [[\bbound\b]], [[\bas self\b]], [[\bfirst argument\b]], [[\bremembers? (?:the )?(?:instance|object)\b]] } },
        { label = "property has __set__ (data descriptor) and beats the instance dict; functions don't", weight = 1.5,
          match = { [[\bdata descriptors?\b]], [[__set__]], [[\bprecedence\b]], [[\bpriority\b]], [[\bwins?\b]], [[\bshadow\w*]],
                    [[\binstance (?:__dict__|dict\w*)\b]] } },
        { label = "through the class you get the plain function", weight = 0.5,
          match = { [[\bon the class\b]], [[\bthrough the class\b]], [[\bobj is none\b]], [[\bplain function\b]], [[\bunbound\b]] } },
      },
      red_flags = {
        { label = "methods are not copied into each instance", penalty = 0.6,
          match = { [[\bcop(?:y|ied|ies) (?:in)?to (?:each|every) (?:instance|object)\b]],
                    [[\beach (?:instance|object) (?:has|gets|stores) (?:its own )?(?:copy of (?:the )?)?methods\b]] } },
      },
    },
    samples = {
      good = {
        "Functions are non-data descriptors: they have __get__. Looking up obj.method calls function.__get__(obj, type(obj)), which returns a bound method that passes obj as self. A property also defines __set__, so it is a data descriptor and takes precedence over the instance __dict__, while a function can be shadowed by an instance attribute.",
        "The function sitting on the class has a get hook, and when you reach it through an object that hook hands back a small wrapper that remembers the object and slips it in as self. A property also has a set hook, which gives it priority over whatever is stored on the instance; a plain function doesn't, so an instance attribute with the same name wins.",
        "obj.f is function.__get__(obj, cls) producing a bound method; through the class you get the plain function. Data descriptors like property beat the instance dict, non-data ones like functions don't.",
      },
      bad = {
        "Python copies every method into each instance when it is created, and properties are just methods with a different name.",
        "__get__, bound method, data descriptor, property, self, __dict__.",
        "Functions are not descriptors and there is no bound method; a property has no __set__.",
      },
    },
  },
}

-- Exercises for core.metaclasses: the class of a class, class creation,
-- and the simpler alternatives.
return {
  {
    id = "core.metaclasses.explain",
    followup = "core.metaclasses.followup-new-init",
    topic = "core.metaclasses",
    level = "advanced",
    kind = "explain",
    prompt = "\"What is a metaclass? Give a real use, and tell me when you would not use one.\"",
    hints = {
      "Classes are objects too. What is type(SomeClass)?",
      "A metaclass is the class of a class; type is the default one, and it runs when a class statement executes.",
      "Frameworks (ORMs, plugin registries, ABCs) use them; for your own code, __init_subclass__ or a class decorator is usually enough.",
    },
    solution = "In Python classes are objects, and a metaclass is the class of a class: type is the default, so type(int) is type. When a class statement runs, Python calls the metaclass to build the class object, so a custom metaclass, usually a subclass of type overriding __new__ or __init__, can inspect or change every class that uses it; overriding __call__ controls how instances are created, which is how a singleton can be built. Frameworks use this for ORMs that turn class attributes into columns, for plugin registries, and for ABCMeta and Enum. Most code should not need one: __init_subclass__, class decorators or plain inheritance solve registration and validation more simply.",
    why = "Advanced interviews use metaclasses to test the object model, and judgement about not using them.",
    rubric = {
      concepts = {
        { label = "a metaclass is the class of a class; type is the default", weight = 2,
          match = { [[\bclass of (?:a |the )?class(?:es)?\b]], [[\bclasses are (?:themselves )?(?:objects|instances)\b]], [[\btype\b]],
                    [[\bclass factory\b]], [[\b(?:makes?|builds?|creates?) (?:the )?class(?:es)?\b]], [[\bclasses(?:'|es')? class\b]] } },
        { label = "it controls class creation, when the class statement runs", weight = 1.5,
          match = { [[\bclass creation\b]], [[\bwhen (?:the |a )?class (?:is )?(?:created|defined|built)\b]], [[__new__]], [[__call__]],
                    [[\bclass statement\b]], [[\bcustomi[sz]e (?:how )?(?:the )?class\w*]], [[\bdefinition time\b]], [[\bintercept\w*]],
                    [[\bmodif\w* (?:the |every )?class\w*]], [[\bhooks? into\b]] } },
        { label = "real uses: ORMs, registries, ABCs, enums, validation, singletons", weight = 1.5,
          match = { [[\borms?\b]], [[\bdjango\b]], [[\bsqlalchemy\b]], [[\bregist\w*]], [[\bplugins?\b]], [[\bvalidat\w*]],
                    [[\bsingletons?\b]], [[\babc(?:meta)?\b]], [[\benums?\b]], [[\bframeworks?\b]] } },
        { label = "usually prefer __init_subclass__ or a class decorator", weight = 1.5,
          match = { [[__init_subclass__]], [[\bclass decorators?\b]], [[\bdecorators?\b]], [[\brarely\b]], [[\boverkill\b]],
                    [[\bsimpler\b]], [[\bavoid\b]], [[\btoo (?:much )?magic\w*]], [[\bmost code\b]] } },
      },
      red_flags = {
        { label = "a metaclass is not a base class: it is the class's type", penalty = 0.6,
          match = { [[\bmetaclass(?:es)? (?:is|are) (?:just )?(?:a |the )?(?:parent|base|super) ?class(?:es)?\b]],
                    [[\binstances? (?:inherit|inherits) from (?:the |its )?metaclass\b]] } },
      },
    },
    samples = {
      good = {
        "A metaclass is the class of a class: classes are objects, and type is the default metaclass. It controls class creation, running when the class statement executes, so it can validate or register classes; ORMs like Django and ABCMeta use one. For most code __init_subclass__ or a class decorator is simpler.",
        "Since classes are objects too, something has to build them, and that something is the metaclass, normally type. A custom one can step in every time a class is defined, which frameworks use to register plugins. In my own code I'd almost always reach for a decorator instead, because it is less magic.",
        "type(MyClass) is its metaclass. Overriding __new__ on a type subclass lets you modify every class built with it, e.g. an enum or singleton; avoid it unless __init_subclass__ can't do the job.",
      },
      bad = {
        "A metaclass is just a base class that all your classes inherit methods from, and instances inherit from the metaclass.",
        "metaclass, type, __new__, __init_subclass__, ORM, registry.",
        "A metaclass is not the class of a class and it does not run when a class is created.",
      },
    },
  },
  {
    id = "core.metaclasses.registry",
    topic = "core.metaclasses",
    level = "advanced",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
class Registry(type):
    plugins = {}

    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        if bases:
            mcls.plugins[name.lower()] = cls
        return cls

class Plugin(metaclass=Registry):
    pass

class Csv(Plugin):
    pass

class Json(Plugin):
    pass

print(sorted(Registry.plugins))
print(type(Csv).__name__, type(Registry).__name__, type(Csv()).__name__)
print(isinstance(Csv, Registry), isinstance(Csv(), Registry))]],
    expected = "['csv', 'json']\nRegistry type Csv\nTrue False",
    hints = {
      "When does Registry.__new__ run, and for which classes does it have bases?",
      "A metaclass is inherited by subclasses; the class's type is the metaclass, the instance's type is the class.",
      "Plugin has no bases, so only Csv and Json register. Csv is an instance of Registry; a Csv object is not.",
    },
    why = "Tracing class creation shows you understand that a metaclass runs at class-definition time and what type() returns at each level.",
    wrong = { "['csv', 'json', 'plugin']\nRegistry type Csv\nTrue False",
              "['csv', 'json']\ntype type Csv\nTrue True",
              "['csv', 'json']\nRegistry Registry Csv\nTrue False" },
  },
  {
    id = "core.metaclasses.init-subclass",
    topic = "core.metaclasses",
    level = "advanced",
    kind = "fill",
    prompt = "Register every subclass without a metaclass: fill in the hook Python calls on a base class each time a subclass is defined.",
    code = [=[
class Plugin:
    registry = []

    def ___(cls, **kwargs):
        Plugin.registry.append(cls.__name__)

class Csv(Plugin):
    pass

class Json(Plugin):
    pass

print(Plugin.registry)   # ['Csv', 'Json']]=],
    blanks = { { "__init_subclass__" } },
    hints = {
      "Since Python 3.6 a base class can react to being subclassed without any metaclass.",
      "The hook is a dunder method named after what it initialises: a subclass.",
    },
    solution = "__init_subclass__",
    why = "Knowing the simpler alternative is the senior half of any metaclass question.",
    wrong = { "__init__", "__new__", "__subclasshook__", "__class_getitem__" },
  },
  {
    id = "core.metaclasses.followup-new-init",
    topic = "core.metaclasses",
    level = "advanced",
    kind = "explain",
    prompt = "Follow-up to the metaclass question: \"What is the difference between `__new__` and `__init__`, and when do you need `__new__`?\"",
    hints = {
      "One of them receives an object that already exists.",
      "__new__ creates and returns the instance; __init__ then initialises it and returns None.",
      "You need __new__ for immutable types (int, str, tuple subclasses), for returning a cached or existing object, and in metaclasses.",
    },
    solution = "__new__ creates the object: it is called first, with the class as its first argument, and must return the new instance (normally via super().__new__(cls)). __init__ then initialises that already-created instance by setting its attributes, and returns None. Python calls __init__ only if __new__ returned an instance of the class. You need __new__ when the value must be fixed at creation, as when subclassing immutable types such as int, str or tuple, when you want to return an existing object (a cache or singleton), and in metaclasses, where __new__ builds the class object itself. Everyday classes only need __init__.",
    why = "A classic object-model question that often follows metaclasses and singletons.",
    rubric = {
      concepts = {
        { label = "__new__ creates and returns the instance (runs first, gets cls)", weight = 2,
          match = { [[__new__\s+(?:\w+\s+){0,2}(?:creat|construct|allocat|build|make)\w*]] },
          subject = { [[__new__]] },
          object = { [[\bcreat\w*]], [[\bconstruct\w*]], [[\ballocat\w*]], [[\bbuilds?\b]], [[\bmakes?\b]],
                     [[\breturns? (?:the |a |an )?(?:new )?(?:instance|object)\b]] } },
        { label = "__init__ initialises an existing instance and returns None", weight = 2,
          match = { [[__init__\s+(?:\w+\s+){0,2}(?:initiali[sz]|sets? up|fills?|populat|configur)\w*]] },
          subject = { [[__init__]] },
          object = { [[\binitiali[sz]\w*]], [[\bsets? up\b]], [[\bfills? in\b]], [[\battributes\b]], [[\breturns? none\b]], [[\bconfigur\w*]],
                     [[\bpopulat\w*]], [[\balready (?:exists|created|made)\b]], [[\bexisting\b]] } },
        { label = "__new__ runs first; __init__ only if __new__ returned an instance", weight = 1,
          match = { [[\bfirst\b]], [[\bbefore\b]], [[\bcls\b]], [[\bstatic ?method\b]], [[\bthe class (?:as|itself)\b]], [[\bonly if\b]] } },
        { label = "needed for immutable types, singletons/caching, metaclasses", weight = 1.5,
          match = { [[\bimmutable\b]], [[\b(?:int|str|tuple|float|bytes|frozenset)\b]], [[\bsingletons?\b]], [[\bcach\w*]], [[\bmetaclass\w*]],
                    [[\b(?:return|reuse) (?:an )?existing\b]] } },
      },
      red_flags = {
        { label = "swapped: __init__ does not create the object", penalty = 0.6,
          match = { [[__init__\s+(?:\w+\s+){0,2}(?:creates?|allocates?|constructs?)\s+(?:the |a |an )?(?:new )?(?:object|instance)]] },
          subject = { [[__init__]] },
          object = { [[\bcreat(?:es|e|ing) (?:the |a |an )?(?:new )?(?:object|instance)\b]], [[\ballocat\w*]] } },
        { label = "swapped: __new__ does not just set attributes after creation", penalty = 0.6,
          match = { [[__new__\s+(?:\w+\s+){0,2}initiali[sz]es?\s+(?:the )?(?:attributes|existing)]] },
          subject = { [[__new__]] },
          object = { [[\binitiali[sz]\w* (?:the )?(?:attributes|existing)\b]], [[\bafter (?:the )?(?:object|instance) (?:is|was|has been) created\b]] } },
      },
    },
    samples = {
      good = {
        "__new__ creates and returns the new instance; it runs first and receives the class. __init__ then initialises that existing instance and returns None. You need __new__ for immutable types like subclasses of int or tuple, for singletons or caching, and in metaclasses.",
        "__new__ makes the object and hands it back, and __init__ fills in an object that already exists. For ordinary classes __init__ is all you write; you only override __new__ when the value has to be decided at creation, like a str subclass, or when you want to return an object you already have.",
        "__new__ constructs the instance (it gets cls); __init__ sets up its attributes. Override __new__ for immutable types or to return a cached object.",
      },
      bad = {
        "__init__ creates the object in memory and __new__ initialises the attributes after the object is created.",
        "__new__, __init__, cls, self, immutable, singleton.",
        "__new__ does not create the instance, and __init__ does not initialise it.",
      },
    },
  },
}

-- Exercises for core.slots: no per-instance __dict__, fixed attributes.
return {
  {
    id = "core.slots.explain",
    followup = "core.slots.followup-tradeoffs",
    topic = "core.slots",
    level = "advanced",
    kind = "explain",
    prompt = "\"What does `__slots__` do, and when would you use it?\"",
    hints = {
      "Where does an ordinary instance keep its attributes?",
      "__slots__ replaces the per-instance __dict__ with a fixed set of attribute slots.",
      "Smaller instances and no accidental new attributes; worth it when you create very many small objects. Note the inheritance caveat.",
    },
    solution = "Normally each instance stores its attributes in its own __dict__, a hash table. Declaring __slots__ = (\"x\", \"y\") tells Python to reserve fixed storage for just those attributes instead, so instances have no __dict__: each one uses noticeably less memory and attribute access is slightly faster. Assigning any attribute not listed raises AttributeError, which also catches typos. It is worth it when you create very many small objects, such as millions of points or records. Caveats: every class in the hierarchy must declare __slots__ or instances get a __dict__ back, and you must list __weakref__ if you need weak references; exact sizes vary by Python version.",
    why = "A memory-optimisation question that also tests how attribute storage works.",
    rubric = {
      concepts = {
        { label = "instances get fixed attribute slots instead of a per-instance __dict__", weight = 2,
          match = { [[__dict__]], [[\bno (?:instance |per-instance )?dict\w*]], [[\bwithout (?:a |an )?(?:instance )?dict\w*]],
                    [[\bfixed (?:set|list) of (?:attributes|fields)\b]], [[\bfixed attributes\b]], [[\bdictionary\b]],
                    [[\b(?:not|no|without|never|don't|doesn't) (?:creat\w*|hav\w*|giv\w*|allocat\w*|build\w*|mak\w*|get\w*|need\w*) (?:an? |the )?(?:instance |per-instance )?(?:__dict__|dict\w*)]] } },
        { label = "each instance uses less memory (and access is a bit faster)", weight = 2,
          match = { [[\bmemory\b]], [[\bsmaller\b]], [[\bless space\b]], [[\blighter\b]], [[\bbytes\b]], [[\bfootprint\b]], [[\bram\b]] } },
        { label = "assigning an unlisted attribute raises AttributeError", weight = 1.5,
          match = { [[\battributeerror\b]], [[\b(?:can't|cannot) add\b]], [[\bnew attributes?\b]], [[\bother attributes?\b]],
                    [[\bonly (?:the )?(?:listed|declared|named)\b]], [[\btypos?\b]], [[\bno (?:new|extra|other) attributes?\b]] } },
        { label = "when: very many small objects; caveats with inheritance and weakrefs", weight = 1,
          match = { [[\bmillions?\b]], [[\bthousands\b]], [[\bmany (?:small )?(?:objects|instances)\b]], [[\blots of (?:objects|instances)\b]],
                    [[\bfaster\b]], [[\binherit\w*]], [[\bweak ?ref\w*]], [[\bsubclass\w*]], [[\bdataclass\w*]] } },
      },
      red_flags = {
        { label = "__slots__ does not make instances immutable: listed attributes can change", penalty = 0.6,
          match = { [[\bimmutable\b]], [[\bread-only\b]], [[\b(?:can't|cannot) (?:change|modify|reassign|update)\b]], [[\bfrozen\b]] } },
      },
    },
    samples = {
      good = {
        "__slots__ replaces the per-instance __dict__ with a fixed set of attribute slots, so each object uses less memory and attribute access is a bit faster. You can't add attributes that aren't listed: that raises AttributeError. I'd use it for classes with millions of small instances.",
        "Normally every object carries its own dictionary for its fields. With slots you say up front which fields exist, so Python stores just those, which makes each object smaller. Setting some other field fails, which also catches typos.",
        "It drops the instance dict: lower memory per object, no new attributes beyond the listed ones, useful for lots of instances; subclasses need their own __slots__.",
      },
      bad = {
        "__slots__ makes the instances immutable, so attributes can't change after __init__.",
        "__slots__, __dict__, memory, AttributeError, attributes.",
        "__slots__ does not remove the __dict__ and it does not save memory.",
      },
    },
  },
  {
    id = "core.slots.assign",
    topic = "core.slots",
    level = "advanced",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
p.x = 10
try:
    p.z = 3
except AttributeError as err:
    print(err)
print(p.x, hasattr(p, "__dict__"))]],
    expected = "'Point' object has no attribute 'z'\n10 False",
    hints = {
      "Can a listed slot be reassigned? Can an unlisted attribute be created?",
      "Slots are fixed storage, not read-only storage; there is no __dict__ to put z in.",
      "p.x = 10 works; p.z raises AttributeError: 'Point' object has no attribute 'z'.",
    },
    why = "Shows you know what slots restrict (new names) and what they don't (changing values).",
    wrong = { "10 True", "'Point' object has no attribute 'z'\n1 False",
              "'Point' object attribute 'x' is read-only\n1 False" },
  },
  {
    id = "core.slots.facts",
    topic = "core.slots",
    level = "advanced",
    kind = "choice",
    prompt = "Which statements about `__slots__` are true? Choose every one.",
    options = {
      { text = "An instance of a slotted class is smaller than the same class without slots (exact sizes vary by version)", correct = true,
        why = "There is no per-instance dict: on CPython 3.11, 48 bytes versus 56 plus a 296-byte __dict__ once it is materialised." },
      { text = "If a subclass does not declare __slots__, its instances get a __dict__ again", correct = true,
        why = "Slots only remove the dict when every class in the hierarchy declares them." },
      { text = "Slotted attributes cannot be reassigned after __init__",
        why = "Listed attributes are ordinary read-write attributes; only unlisted names are refused." },
      { text = "__slots__ shares one attribute value between all instances",
        why = "Each instance still has its own values; the slot descriptors live on the class, the data in each object." },
    },
    hints = {
      "What exactly is removed from each instance?",
      "The per-instance __dict__ goes away, but only if every class in the MRO cooperates.",
    },
    solution = "Slotted instances are smaller, and a subclass without __slots__ brings __dict__ back.",
    why = "The inheritance caveat is what distinguishes people who have used slots from people who have read about them.",
  },
  {
    id = "core.slots.followup-tradeoffs",
    topic = "core.slots",
    level = "advanced",
    kind = "explain",
    prompt = "Follow-up to the `__slots__` question: \"Why not put `__slots__` on every class? What do you give up?\"",
    hints = {
      "What features rely on an instance having a __dict__?",
      "Dynamic attributes, weak references and some inheritance patterns are affected.",
      "No new attributes at run time, no weakref unless listed, every class in the hierarchy must cooperate, and the savings only matter with many instances.",
    },
    solution = "Slots trade flexibility for memory. Instances can no longer get new attributes at run time, which breaks code and libraries that attach attributes dynamically (monkeypatching, some mocking and caching tools such as functools.cached_property, which needs __dict__). Weak references work only if __weakref__ is listed. The saving only holds if every class in the hierarchy declares __slots__: one subclass without it brings __dict__ back, and multiple inheritance from two classes with non-empty slots fails with a layout conflict. Class attributes cannot share a name with a slot, so defaults must be set in __init__. So I would use slots where profiling shows many small objects dominate memory, not everywhere.",
    why = "Knowing the costs of an optimisation is what makes the answer senior.",
    rubric = {
      concepts = {
        { label = "no new attributes at run time (monkeypatching, dynamic tools break)", weight = 2,
          match = { [[\b(?:no|can't|cannot|unable to|lose the ability to) (?:\w+ ){0,2}(?:add|create|attach|set) (?:new |extra |arbitrary |other )?(?:attributes|fields)\b]],
                    [[\bnothing can (?:add|attach)\b]], [[\bmonkey ?patch\w*]], [[\bdynamic(?:ally)? (?:attributes?|added|attach\w*)\b]],
                    [[\bflexib\w*]], [[\bon the fly\b]], [[\bcached_property\b]] } },
        { label = "weak references need __weakref__ in the slots", weight = 1,
          match = { [[\bweak ?ref\w*]] } },
        { label = "every class in the hierarchy must declare slots; multiple inheritance conflicts", weight = 2,
          match = { [[\bhierarchy\b]], [[\blayout conflict\b]], [[\bmultiple inheritance\b]],
                    [[\bsubclass\w* (?:that |which )?(?:forgets?|without|doesn't|does not|don't|omits?)\b]],
                    [[\bsubclass\w* (?:must|have to|has to|need to|needs to|should) (?:also )?(?:use|declare|define|list)\b]],
                    [[\b(?:brings?|gets?) (?:the |a )?(?:__dict__|dict\w*) back\b]],
                    [[\bsubclass\w* (?:\w+ ){0,2}(?:their|its) own (?:__slots__|slots)\b]],
                    [[\binherit\w* (?:gets? |is |becomes? )?(?:tricky|harder|complicated|fragile)\b]] } },
        { label = "only worth it for many instances, after profiling", weight = 1.5,
          match = { [[\bmillions?\b]], [[\bmany (?:small )?(?:objects|instances)\b]], [[\blots of (?:objects|instances)\b]], [[\bprofil\w*]],
                    [[\bmeasur\w*]], [[\bpremature\b]], [[\bworth it\b]], [[\bonly (?:matters?|helps?|pays off)\b]] } },
      },
      red_flags = {
        { label = "slots do not make instances immutable or methods faster to write", penalty = 0.6,
          match = { [[\bimmutable\b]], [[\bread-only\b]] } },
      },
    },
    samples = {
      good = {
        "You lose flexibility: instances can't get new attributes at run time, so monkeypatching or tools that need __dict__, like cached_property, break. Weak references need __weakref__ in the slots. Every class in the hierarchy has to declare __slots__, and multiple inheritance with slots can give a layout conflict. It's only worth it for millions of instances.",
        "Nothing can add fields to those objects on the fly anymore, which some libraries rely on. A subclass that forgets to declare them brings the dictionary back, so the saving is fragile in class hierarchies. For a handful of objects the memory you save is tiny, so I'd only do it where lots of objects exist.",
        "The cost is dynamic attributes and weakref support; subclasses must also use __slots__. Measure first: it only pays off with many instances.",
      },
      bad = {
        "There is no downside except that slots make every instance immutable and read-only.",
        "__slots__, __dict__, weakref, inheritance, memory, flexibility.",
        "You give up nothing: new attributes can still be added, and subclasses never get a __dict__ back.",
      },
    },
  },
}

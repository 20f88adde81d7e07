-- Exercises for core.memory-management-gc: reference counting, the cycle
-- collector.
return {
  {
    id = "core.memory-management-gc.explain",
    followup = "core.memory-management-gc.followup-leak",
    topic = "core.memory-management-gc",
    level = "advanced",
    kind = "explain",
    prompt = "\"How does CPython free memory? If it has reference counting, why does it also need a garbage collector?\"",
    hints = {
      "What does CPython track for every object, and when does it act on it?",
      "Reference counting frees an object the moment its count drops to zero. What can keep a count above zero forever?",
      "Objects in a reference cycle keep each other's counts up; the generational cyclic GC finds such unreachable groups.",
    },
    solution = "CPython's main mechanism is reference counting: every object counts the references to it, and when the count drops to zero the object is freed immediately, which makes most clean-up deterministic. Reference counting alone cannot free reference cycles, such as two objects that point to each other or an object that refers to itself: their counts never reach zero even when nothing else can reach them. So CPython also runs a cyclic garbage collector, which periodically looks for unreachable groups of container objects; it is generational, collecting young objects most often, and you can call gc.collect() or tune gc.set_threshold(). del only removes a name, and sys.getrefcount reports one extra reference for its own argument.",
    why = "Memory questions check that you know objects are freed deterministically in CPython, and why cycles are the exception.",
    rubric = {
      concepts = {
        { label = "reference counting frees an object when its count drops to zero", weight = 2.5,
          match = { [[\breference[- ]count\w*]], [[\bref ?count\w*]], [[\bcounts? (?:the |its |all )?references\b]],
                    [[\bhow many (?:names|references|things|variables) (?:point|refer)\w*]],
                    [[\b(?:drops?|falls?|goes|reaches|hits|gets) (?:down )?(?:to )?zero\b]] } },
        { label = "reference cycles never reach zero: the cyclic GC finds them", weight = 2,
          match = { [[\bcycl\w*]], [[\bcircular\b]], [[\b(?:refer|point)(?:s|ing)? (?:to|at) each other\b]],
                    [[\b(?:refers?|points?) (?:to|at) itself\b]], [[\bloops? of references\b]] } },
        { label = "the collector is generational and runs periodically (gc.collect)", weight = 1,
          match = { [[\bgeneration\w*]], [[\bgc\.collect\b]], [[\bthresholds?\b]], [[\bgc module\b]], [[\bperiodic\w*]],
                    [[\bunreachable\b]] } },
        { label = "freeing is immediate and deterministic; del removes a name", weight = 1,
          match = { [[\bimmediately\b]], [[\bright away\b]], [[\bas soon as\b]], [[\bdeterministic\w*]], [[\bgetrefcount\b]],
                    [[\bdel\b]], [[\bpymalloc\b]], [[\bprivate heap\b]], [[\bweak ?ref\w*]] } },
      },
      red_flags = {
        { label = "del removes a name; the object goes only when no references remain", penalty = 0.6,
          match = { [[\bdel (?:immediately )?(?:deletes|destroys|frees) (?:the )?(?:object|memory)\b]] } },
        { label = "most objects are freed by reference counting, not only when the GC runs", penalty = 0.6,
          match = { [[\bonly (?:freed|released|collected|reclaimed) when the (?:gc|garbage collector) runs\b]],
                    [[\bno reference counting\b]], [[\blike (?:java|the jvm)\b]] } },
      },
    },
    samples = {
      good = {
        "CPython uses reference counting: each object counts its references and is freed immediately when the count drops to zero. Reference cycles, like two objects pointing to each other, never reach zero, so a generational cyclic garbage collector periodically finds unreachable cycles; gc.collect() runs it by hand.",
        "Every object keeps track of how many things point at it, and the moment nothing does, it is thrown away. The catch is a loop of references, say a parent and child that refer to each other: their counts stay above zero forever, so a separate collector runs now and then to find such groups that nothing can reach.",
        "Mostly refcounting, which frees objects deterministically. The gc module exists for circular references that refcounting can't free.",
      },
      bad = {
        "Python has no reference counting; like Java, objects are only freed when the garbage collector runs, and del destroys the object.",
        "Reference counting, garbage collector, cycles, generations, gc.collect, zero.",
        "Objects are never freed by reference counting, and the garbage collector never looks at cycles.",
      },
    },
  },
  {
    id = "core.memory-management-gc.when-freed",
    topic = "core.memory-management-gc",
    level = "advanced",
    kind = "output",
    prompt = "What does this program print? (`__del__` runs when an object is freed.)",
    code = [[
import gc

gc.disable()

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print("freed", self.name)

a = Node("a")
a = None
print("after a")
b = Node("b")
b.other = b
b = None
print("after b")
gc.collect()
print("done")]],
    expected = "freed a\nafter a\nafter b\nfreed b\ndone",
    hints = {
      "With the cyclic collector disabled, can anything still free an object?",
      "Reference counting works regardless of gc.disable(); only cycles need the collector.",
      "a is freed the moment its last reference goes; b refers to itself, so it waits for the explicit gc.collect().",
    },
    why = "Separates the two mechanisms: deterministic refcounting versus the cycle collector.",
    wrong = { "after a\nafter b\nfreed a\nfreed b\ndone", "freed a\nafter a\nfreed b\nafter b\ndone",
              "freed a\nafter a\nafter b\ndone" },
  },
  {
    id = "core.memory-management-gc.getrefcount",
    topic = "core.memory-management-gc",
    level = "advanced",
    kind = "choice",
    prompt = "In a script, `items = []` followed by `print(sys.getrefcount(items))` prints 2, although only one name refers to the list. Why?",
    options = {
      { text = "Passing the list to getrefcount creates a temporary reference for the duration of the call", correct = true,
        why = "The argument itself is a reference, so the count is always one higher than the references you can see." },
      { text = "Every new list starts with a reference count of 2",
        why = "A fresh object has exactly the references that exist; nothing starts at 2." },
      { text = "The cyclic garbage collector keeps a reference to every container",
        why = "The GC tracks containers through a linked list in their header, which does not count as a reference." },
      { text = "The interpreter keeps a hidden backup copy of every list",
        why = "There is no such copy; assignment never copies." },
    },
    hints = {
      "How does the list reach getrefcount?",
      "A function's argument is a reference, too.",
    },
    solution = "The call's own argument is a temporary extra reference.",
    why = "A small detail that shows you understand references at the implementation level.",
  },
  {
    id = "core.memory-management-gc.followup-leak",
    topic = "core.memory-management-gc",
    level = "advanced",
    kind = "explain",
    prompt = "Follow-up to the memory question: \"A long-running Python service keeps growing in memory. How would you find out why?\"",
    hints = {
      "With reference counting, what does a \"leak\" in pure Python code really mean?",
      "Something still holds references to objects you no longer need; measure before guessing.",
      "Compare tracemalloc snapshots over time to find the allocating lines, then look for caches, globals, listeners or closures that keep growing.",
    },
    solution = "In pure Python a leak almost always means something is still holding references to objects you no longer need, so they stay reachable and are never freed. I would measure first: take tracemalloc snapshots some time apart and compare them to see which lines keep allocating, or use a tool such as memray or objgraph to see which object types grow and who refers to them (gc.get_referrers helps). Typical culprits are unbounded caches such as an lru_cache without maxsize, module-level lists or dicts that only grow, event listeners or callbacks that are never removed, and closures or tracebacks that keep large objects alive. Fixes are bounding the cache, removing the registration, or using weakref so the reference does not keep the object alive; memory held by C extensions or fragmentation needs other tools.",
    why = "Debugging memory growth is a real production skill; the answer shows whether you measure instead of guessing.",
    rubric = {
      concepts = {
        { label = "measure: tracemalloc snapshots, memray, objgraph", weight = 2,
          match = { [[\btracemalloc\b]], [[\bsnapshots?\b]], [[\bmemray\b]], [[\bprofil\w*]], [[\bheapy\b]], [[\bguppy\b]], [[\bpympler\b]],
                    [[\bobjgraph\b]], [[\bmemory_profiler\b]], [[\bmeasur\w*]] } },
        { label = "a Python leak is something still holding references", weight = 2,
          match = { [[\bstill (?:holds?|holding|referenced|reachable|pointing)\b]], [[\breferences? (?:are |is )?(?:kept|held|remain\w*)\b]],
                    [[\bkeeps? (?:a |the )?references?\b]], [[\breachable\b]], [[\bholds? (?:on ?to|references?)\b]], [[\bkeeps? (?:\w+ ){0,2}alive\b]] } },
        { label = "usual causes: unbounded caches, growing globals, listeners, closures", weight = 1.5,
          match = { [[\bcach\w*]], [[\blru_cache\b]], [[\bglobals?\b]], [[\bmodule[- ]level\b]], [[\bcallbacks?\b]], [[\blisteners?\b]],
                    [[\bclosures?\b]], [[\bunbounded\b]], [[\bgrow\w* (?:list|dict)\w*]] } },
        { label = "gc helpers and weakref; C extensions as another source", weight = 1,
          match = { [[\bgc\.get_(?:objects|referrers)\b]], [[\bgc\.collect\b]], [[\bweak ?ref\w*]], [[\bgc\.garbage\b]], [[\bc extensions?\b]],
                    [[\bfragmentation\b]] } },
      },
      red_flags = {
        { label = "pure Python code can leak by keeping references", penalty = 0.6,
          match = { [[\b(?:can't|cannot|never|doesn't|won't) (?:have |get )?(?:memory )?leak\w*]] } },
        { label = "calling gc.collect() does not free objects that are still referenced", penalty = 0.6,
          match = { [[\bgc\.collect\(\) (?:fixes|solves|will fix|frees)\b]], [[\bcall(?:ing)? gc\.collect\(\) (?:regularly|periodically|in a loop)\b]] } },
      },
    },
    samples = {
      good = {
        "I'd take tracemalloc snapshots a few minutes apart and compare them to see which lines keep allocating. In Python a leak usually means something still holds references, like an unbounded cache, a module-level list that only grows, or listeners that are never removed. Fixes are bounding the cache or using weakref.",
        "First measure rather than guess: compare what has been allocated at two points in time. Memory only grows if some object is still reachable, so look for things that keep references alive: a dict used as a cache with no limit, a global list, callbacks you registered and forgot.",
        "Use memray or objgraph to see which object types grow, then gc.get_referrers to see who keeps references to them; usually it's a cache or a global collection.",
      },
      bad = {
        "Python has a garbage collector, so it can't leak memory; just call gc.collect() regularly in a loop.",
        "tracemalloc, snapshots, cache, references, weakref, gc.",
        "Objects that are no longer needed are never kept alive by references, and measuring is pointless.",
      },
    },
  },
}

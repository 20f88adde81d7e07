-- Exercises for core.async-await: coroutines on one event loop, await as a
-- switch point, blocking calls, races across awaits.
return {
  {
    id = "core.async-await.explain",
    followup = "core.async-await.followup-race",
    topic = "core.async-await",
    level = "advanced",
    kind = "explain",
    prompt = "\"How do async and await work in Python, and what kind of work do they speed up?\"",
    hints = {
      "How many threads does a plain asyncio program use?",
      "Coroutines run on one event loop; await is where a coroutine steps aside.",
      "Great for many concurrent I/O waits; a blocking call such as time.sleep stalls every coroutine; gather runs them concurrently.",
    },
    solution = "async def defines a coroutine; calling it creates a coroutine object that runs only when an event loop drives it, for example with asyncio.run(main()). All coroutines share one thread: at each await the current coroutine suspends and hands control back to the event loop, which resumes another one whose I/O is ready. That gives cheap concurrency for I/O-bound work such as thousands of network requests, and asyncio.gather runs several at once, so the total time is about the longest wait rather than the sum. It does not help CPU-bound work, and one blocking call like time.sleep or a synchronous HTTP client freezes every coroutine. Races are still possible when a read-modify-write spans an await, which is what asyncio.Lock is for.",
    why = "Async is everywhere in modern Python services; interviewers check you know it is single-threaded, cooperative concurrency.",
    rubric = {
      concepts = {
        { label = "coroutines run cooperatively on one thread's event loop", weight = 2,
          match = { [[\bevent loop\b]], [[\bsingle[- ]thread\w*]], [[\bone thread\b]], [[\bcooperative\w*]], [[\bthe loop\b]] } },
        { label = "await suspends the coroutine and gives control back so others run", weight = 2,
          match = { [[\bawait\w*\s+(?:\w+\s+){0,3}(?:paus|suspend|yield|switch)\w*]],
                    [[\bawait\w*\s+(?:\w+\s+){0,3}(?:gives?|hands?) (?:up |back )?control\b]] },
          subject = { [[\bawait\b]], [[\bawaiting\b]] },
          object = { [[\bpaus\w*]], [[\bsuspend\w*]], [[\byield\w*]], [[\b(?:gives?|hands?) (?:up |back )?control\b]],
                     [[\bother (?:tasks|coroutines)\b]], [[\bswitch\w*]], [[\blets? (?:other|the loop|the event loop|something else)\b]],
                     [[\bsteps? aside\b]] } },
        { label = "good for I/O-bound concurrency; blocking calls stall everything", weight = 1.5,
          match = { [[\bi/?o[- ]bound\b]], [[\bi/o\b]], [[\bnetwork\w*]], [[\btime\.sleep\b]], [[\bblock(?:s|ing)?\b]], [[\bnon-?blocking\b]],
                    [[\bwaiting\b]], [[\brequests\b]] } },
        { label = "gather runs coroutines concurrently: total time about the longest", weight = 1,
          match = { [[\bgather\b]], [[\basyncio\.run\b]], [[\bcreate_task\b]], [[\btaskgroup\b]], [[\blongest\b]], [[\bconcurren\w*]] } },
        { label = "races across awaits are still possible (asyncio.Lock)", weight = 0.5,
          match = { [[\blocks?\b]], [[\brace\w*]] } },
      },
      red_flags = {
        { label = "asyncio does not run code in parallel threads or speed up CPU-bound work", penalty = 0.6,
          subject = { [[\basync\w*]], [[\bcoroutines?\b]], [[\bawait\b]] },
          object = { [[\bin parallel\b]], [[\bmultiple (?:threads|cores|cpus)\b]], [[\bseparate threads?\b]], [[\bcpu[- ]bound\b]],
                     [[\bbackground threads?\b]] } },
        { label = "race conditions are still possible across an await", penalty = 0.6,
          match = { [[\b(?:never|no|can't|cannot) (?:have |get |be )?(?:any )?race conditions?\b(?!\s+(?:between|inside|within|except|unless))]] } },
      },
    },
    samples = {
      good = {
        "async def makes a coroutine, and an event loop runs them all on a single thread. At each await the coroutine suspends and gives control back to the loop, which runs another one. That speeds up I/O-bound work like many network requests: asyncio.gather runs them concurrently, so it takes about as long as the longest one. A blocking call like time.sleep freezes everything.",
        "Everything runs in one thread, taking turns. Whenever a coroutine hits await, it steps aside while it waits for the network, and the loop lets something else run. So waiting on lots of sockets overlaps nicely, but heavy computation doesn't get faster, and one call that blocks holds up all the others.",
        "asyncio is cooperative multitasking on one event loop: awaiting yields to other tasks. It helps with I/O, not computation, and you still need an asyncio.Lock when a shared update spans an await.",
      },
      bad = {
        "async runs each coroutine in parallel on separate threads, which speeds up CPU-bound code, and you can never have race conditions.",
        "async, await, event loop, coroutine, gather, I/O-bound.",
        "await does not suspend the coroutine and the event loop does not run other tasks; it does not help I/O-bound work.",
      },
    },
  },
  {
    id = "core.async-await.gather",
    topic = "core.async-await",
    level = "advanced",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
import asyncio

async def fetch(name, delay):
    print("start", name)
    await asyncio.sleep(delay)
    print("end", name)
    return name.upper()

async def main():
    results = await asyncio.gather(fetch("a", 0.2), fetch("b", 0.1))
    print(results)

asyncio.run(main())]],
    expected = "start a\nstart b\nend b\nend a\n['A', 'B']",
    hints = {
      "Does fetch(\"a\") finish before fetch(\"b\") starts?",
      "At await asyncio.sleep the coroutine yields, so b starts while a sleeps; the shorter sleep ends first.",
      "gather returns results in the order of its arguments, not the order they finished.",
    },
    why = "Interleaving at await and gather's result order are the two facts every async question builds on.",
    wrong = { "start a\nend a\nstart b\nend b\n['A', 'B']", "start a\nstart b\nend b\nend a\n['B', 'A']",
              "start a\nstart b\nend a\nend b\n['A', 'B']" },
  },
  {
    id = "core.async-await.blocking",
    topic = "core.async-await",
    level = "advanced",
    kind = "bug",
    prompt = "The two pollers should interleave and the program should take about 3 seconds; instead they run one after the other and it takes 6. Which line is the bug? Then say why.",
    code = [[
import asyncio
import time

async def poll(name):
    for _ in range(3):
        print("polling", name)
        time.sleep(1)

async def main():
    await asyncio.gather(poll("a"), poll("b"))

asyncio.run(main())]],
    buggy = 7,
    rubric = {
      concepts = {
        { label = "time.sleep blocks the event loop: there is no await, so nothing else runs", weight = 2,
          match = { [[\bblock\w*]], [[\bno await\b]], [[\bholds? (?:up )?the (?:whole |entire |only )?(?:thread|loop|event loop)\b]],
                    [[\b(?:can't|cannot|never gets? to) switch\w*]], [[\bnever (?:yields?|awaits?|gives? up)\b]], [[\bfreez\w*]], [[\bstall\w*]],
                    [[\bhold\w* (?:up )?the (?:event )?loop\b]] } },
        { label = "fix: await asyncio.sleep(1)", weight = 1,
          match = { [[\bawait asyncio\.sleep\b]], [[\basyncio\.sleep\b]] } },
      },
    },
    samples = {
      good = {
        "time.sleep blocks the whole event loop, so poll(\"b\") cannot run while a sleeps. Use await asyncio.sleep(1), which suspends only this coroutine.",
        "The coroutine never awaits, it just freezes the thread; switch to asyncio.sleep with await.",
      },
      bad = {
        "gather should be called with a list.",
        "time, sleep, asyncio.",
      },
    },
    hints = {
      "Where in poll() could the event loop switch to the other coroutine?",
      "Only an await gives control back; time.sleep blocks the one thread everything runs on.",
      "Replace it with await asyncio.sleep(1).",
    },
    solution = "time.sleep(1) blocks the event loop's only thread and contains no await, so the other coroutine never gets a turn. Use await asyncio.sleep(1).",
    why = "A blocking call inside a coroutine is the number one asyncio bug in production.",
    wrong = { "10", "5", "12" },
  },
  {
    id = "core.async-await.race",
    topic = "core.async-await",
    level = "advanced",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
import asyncio

counter = 0

async def bump():
    global counter
    value = counter
    await asyncio.sleep(0)
    counter = value + 1

async def main():
    await asyncio.gather(*(bump() for _ in range(100)))
    print(counter)

asyncio.run(main())]],
    expected = "1",
    hints = {
      "All 100 coroutines start before any of them resumes after its await.",
      "Each one reads counter before the await and writes after it: what did they all read?",
      "They all read 0 and all write 1: a lost update, even on one thread.",
    },
    why = "Single-threaded does not mean race-free: an update spanning an await needs asyncio.Lock.",
    wrong = { "100", "0", "50" },
  },
  {
    id = "core.async-await.followup-race",
    topic = "core.async-await",
    level = "advanced",
    kind = "explain",
    prompt = "Follow-up to the async question: \"If all coroutines run in one thread, how can an asyncio program still have a race condition, and how do you prevent it?\"",
    hints = {
      "Where exactly can the event loop switch from one coroutine to another?",
      "Only at an await, but an await can sit in the middle of reading and writing shared state.",
      "Another coroutine updates the value while the first is suspended, so the first writes a stale value; guard the section with asyncio.Lock.",
    },
    solution = "Coroutines switch only at await points, so code between two awaits runs without interruption. But if a read-modify-write spans an await, for example value = counter, then await something, then counter = value + 1, the coroutine is suspended in the middle. Other coroutines run meanwhile and change counter, and when the first resumes it writes back a stale value, losing their updates. The fix is to keep the read and the write in one stretch with no await between them, or to guard the critical section with an asyncio.Lock (async with lock:). A threading.Lock is the wrong tool there, because blocking on it would freeze the event loop.",
    why = "Shows you understand cooperative scheduling precisely, not just the slogan that async has no races.",
    rubric = {
      concepts = {
        { label = "a coroutine is suspended at an await in the middle of a read-modify-write", weight = 2,
          match = { [[\b(?:between|across|spans?|spanning|around) (?:an? |the )?awaits?\b]], [[\bin the middle\b]], [[\bsuspend\w*]], [[\bpaus\w*]],
                    [[\bawait\b[^.;]{0,40}\b(?:between|after (?:it )?read\w*|before (?:it )?writ\w*)\b]], [[\bread-modify-write\b]],
                    [[\b(?:while|then) (?:it |they )?wait\w*]] } },
        { label = "another coroutine changes the value meanwhile, so an update is lost", weight = 2,
          match = { [[\blost updates?\b]], [[\blos(?:e|es|ing) (?:an? |their |the other'?s? )?(?:updates?|changes?|increments?)\b]], [[\bstale\b]], [[\bold value\b]],
                    [[\boverwrit\w*]], [[\bmeanwhile\b]], [[\bin the meantime\b]], [[\bread the same\b]] } },
        { label = "switches happen only at awaits: code between awaits is atomic", weight = 1,
          match = { [[\bonly at (?:an? )?awaits?\b]], [[\bbetween (?:two )?awaits\b]], [[\bwithout (?:an? )?await\b]], [[\batomic\w*]],
                    [[\bonly (?:switch\w*|yield\w*) at\b]] } },
        { label = "fix: asyncio.Lock around the critical section (not threading.Lock)", weight = 1.5,
          match = { [[\basyncio\.lock\b]], [[\basync with (?:a |the )?lock\b]], [[\block\b]], [[\bcritical section\b]], [[\bsemaphore\b]] } },
      },
      red_flags = {
        { label = "a threading.Lock would block the event loop; use asyncio.Lock", penalty = 0.6,
          match = { [[\buse (?:a )?threading\.lock\b]] } },
        { label = "single-threaded code can still race across an await", penalty = 0.6,
          match = { [[\b(?:can't|cannot|never) (?:have |get |be )?(?:a |any )?race\w*]] } },
      },
    },
    samples = {
      good = {
        "Coroutines only switch at awaits, but if a read-modify-write spans an await, the coroutine is suspended in the middle. Meanwhile another coroutine changes the value, and the first one then writes back a stale value, so updates are lost. Guard the critical section with an asyncio.Lock.",
        "One coroutine reads the counter, then waits on something, and while it waits the others read the same old number. When they all write back, only one increment survives. Either do the read and write with no await in between, or take an asyncio lock around it.",
        "Code between two awaits is atomic, but a shared update with an await inside isn't: other tasks run in the meantime and you lose their increments. async with lock: fixes it.",
      },
      bad = {
        "asyncio runs in one thread, so it can never have race conditions; if you are worried, use a threading.Lock.",
        "await, race condition, lock, coroutine, event loop, stale.",
        "A coroutine is never suspended in the middle of an update, and values are not overwritten by other coroutines.",
      },
    },
  },
}

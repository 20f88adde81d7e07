def running_avg():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count


g = running_avg()
print(next(g), g.send(10), g.send(20), g.send(0))


def echo():
    try:
        while True:
            try:
                got = yield
                print("got", got)
            except ValueError as e:
                print("handled", e)
    finally:
        print("echo closing")


e = echo()
next(e)
e.send("a")
e.throw(ValueError("bad"))
e.send("b")
e.close()
print("closed")


def sub():
    x = yield 1
    y = yield x * 10
    return x + y


def outer():
    result = yield from sub()
    print("sub returned", result)
    yield result * 2
    return "done"


o = outer()
print(next(o), o.send(3), o.send(4))
try:
    next(o)
except StopIteration as stop:
    print("StopIteration value:", stop.value)


def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"


def relay():
    msg = yield from countdown(3)
    yield msg


print(list(relay()))
c = countdown(2)
print(list(c), next(c, "exhausted"))
try:
    g2 = countdown(1)
    g2.send(5)
except TypeError as err:
    print("TypeError:", err)
g3 = countdown(5)
print(next(g3))
try:
    g3.throw(KeyError("stop"))
except KeyError as err:
    print("KeyError:", err)
print(next(g3, "dead"))


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as err:
    print("RuntimeError:", err)

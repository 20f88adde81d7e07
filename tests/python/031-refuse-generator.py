def numbers():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")

for n in numbers():
    break
print("after the loop")

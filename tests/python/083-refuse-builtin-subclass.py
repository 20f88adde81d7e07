class Stack(list):
    def peek(self):
        return self[-1]


print(Stack([1, 2]).peek())

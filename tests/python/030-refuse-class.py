class Meta(type):
    pass

class Point(metaclass=Meta):
    pass

class Singleton:
    def __new__(cls):
        return super().__new__(cls)

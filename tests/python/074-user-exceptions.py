class AppError(Exception):
    """Base of the app's errors."""


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"no such key: {key!r}")
        self.key = key


class Invalid(AppError, ValueError):
    def __init__(self, field, value):
        self.field = field
        self.value = value
        super().__init__(field, value)

    def __str__(self):
        return f"{self.field}={self.value!r} is invalid"


def lookup(d, k):
    if k not in d:
        raise NotFound(k)
    if d[k] is None:
        raise Invalid(k, d[k])
    return d[k]


data = {"a": 1, "b": None}
for key in ["a", "b", "c"]:
    try:
        print("value", lookup(data, key))
    except NotFound as e:
        print("NotFound:", e, e.key, e.args, repr(e))
    except ValueError as e:
        print("ValueError:", e, e.field, e.args, type(e).__name__, isinstance(e, AppError))

try:
    raise AppError
except Exception as e:
    print(type(e).__name__, repr(e), e.args, str(e) == "", AppError.__doc__)

print(issubclass(Invalid, ValueError), issubclass(NotFound, LookupError), Invalid.__mro__)
errors = [NotFound("x"), Invalid("f", 3), AppError("plain")]
for err in errors:
    try:
        raise err
    except (NotFound, Invalid) as e:
        print("specific", e)
    except AppError as e:
        print("general", e)


class ConfigError(Exception):
    pass


def parse(text):
    try:
        return int(text)
    except ValueError as exc:
        raise ConfigError(f"bad number {text!r}") from exc


try:
    parse("x1")
except ConfigError as e:
    print(e, "| cause:", repr(e.__cause__), "| suppress:", e.__suppress_context__)

try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("while handling")
except RuntimeError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("hidden") from None
except ValueError as e:
    print(e.__cause__, repr(e.__context__), e.__suppress_context__)


class Retry(Exception):
    def __init__(self, attempts):
        self.attempts = attempts


try:
    raise Retry(3)
except Retry as r:
    print(r.attempts, r.args, str(r), repr(r))

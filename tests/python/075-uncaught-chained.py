class StorageError(Exception):
    pass


def save(record):
    try:
        return record["id"]
    except KeyError as e:
        raise StorageError("record has no id") from e


print("saving")
save({"name": "x"})

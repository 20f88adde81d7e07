-- expect: runtime
-- class: 11 non-string error objects
-- stderr: (error object is a nil value)
error(nil)

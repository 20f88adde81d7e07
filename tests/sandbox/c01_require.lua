-- expect: runtime
-- class: 1 host capabilities (require)
-- stderr: global 'require'
return require("io")

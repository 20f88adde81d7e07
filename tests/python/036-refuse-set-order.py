print({'b', 'a'})

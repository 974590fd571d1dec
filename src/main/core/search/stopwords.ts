/** English words too common to search for; "down", "up", "not" stay: they matter in incidents. */
export const STOPWORDS = new Set(
  `a about above after again all am an and any are as at be because been before being below between both but by
can could did do does doing during each few for from further had has have having he her here hers him his how i if
in into is it its itself just me more most my no nor of off on once only or other our out over own same she should
so some such than that the their them then there these they this those through to too under until very was we were
what when where which while who whom why will with would you your yours won't wont can't cant isn't doesn't didn't
after since also get got`.split(/\s+/)
)

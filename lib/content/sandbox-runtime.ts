import { Fragment, isValidElement, type ReactElement } from 'react'
import { EMBED_COMPONENTS } from './embeds'
import { attributeAllowed, isAllowedTag } from './html-policy'
import { EXPRESSION_THREW, LocatedError } from './problems'
import { FORBIDDEN_KEYS } from './sandbox'

// The run-time half of the expression sandbox (see sandbox.ts): what compiled post code calls as
// `_inkwell.…`. One sandbox per rendering of a post.

/** How long one expression may run before it is stopped. */
export const TIME_BUDGET_MS = 2000

/** Thrown for what the sandbox refuses; its message is complete, with the fix. */
export class SandboxError extends Error {
  override name = 'SandboxError'
}

const freezeAll = <T extends object>(value: T): T => {
  for (const key of Reflect.ownKeys(value)) {
    const v = (value as Record<PropertyKey, unknown>)[key]
    if (typeof v === 'function') Object.freeze(v)
  }
  return Object.freeze(value)
}

/** A frozen stand-in for a built-in: callable and constructible like it, with only `statics`. */
function standIn(real: object, statics: string[]): unknown {
  const Real = real as unknown as new (...args: unknown[]) => unknown
  const f = function (this: unknown, ...args: unknown[]) {
    return new.target ? Reflect.construct(Real, args) : (real as (...a: unknown[]) => unknown)(...args)
  }
  Object.defineProperty(f, 'name', { value: (real as { name: string }).name })
  for (const key of statics) (f as unknown as Record<string, unknown>)[key] = (real as unknown as Record<string, unknown>)[key]
  return freezeAll(f)
}

const pick = (real: object, keys: string[]) => freezeAll(Object.fromEntries(keys.map((k) => [k, (real as Record<string, unknown>)[k]])))

// Only what cannot hand out a prototype, a property descriptor or a way to change a shared object.
const GLOBALS: Record<string, unknown> = {
  Math: pick(Math, Object.getOwnPropertyNames(Math)),
  JSON: pick(JSON, ['parse', 'stringify']),
  Date: standIn(Date, ['now', 'parse', 'UTC']),
  Intl: pick(Intl, ['DateTimeFormat', 'NumberFormat', 'PluralRules', 'RelativeTimeFormat', 'ListFormat', 'Collator', 'Segmenter', 'DisplayNames']),
  Number: standIn(Number, ['isFinite', 'isInteger', 'isNaN', 'isSafeInteger', 'parseFloat', 'parseInt', 'EPSILON', 'MAX_SAFE_INTEGER', 'MIN_SAFE_INTEGER', 'MAX_VALUE', 'MIN_VALUE', 'NaN', 'POSITIVE_INFINITY', 'NEGATIVE_INFINITY']),
  String: standIn(String, ['fromCharCode', 'fromCodePoint', 'raw']),
  Array: standIn(Array, ['from', 'isArray', 'of']),
  Object: pick(Object, ['keys', 'values', 'entries', 'fromEntries', 'freeze', 'isFrozen', 'hasOwn', 'is', 'groupBy']),
  Boolean: standIn(Boolean, []),
  Map: standIn(Map, ['groupBy']),
  Set: standIn(Set, []),
  RegExp: standIn(RegExp, []),
  Error: standIn(Error, []),
  TypeError: standIn(TypeError, []),
  RangeError: standIn(RangeError, []),
  parseInt,
  parseFloat,
  isNaN,
  isFinite,
  encodeURIComponent,
  decodeURIComponent,
  encodeURI,
  decodeURI,
}
for (const intl of Object.values(GLOBALS.Intl as object)) Object.freeze(intl)

export interface Sandbox {
  /** The stand-ins for the allowed globals. */
  g: Record<string, unknown>
  /** Called as each expression starts, with its location: its time budget starts then. */
  begin(where: string): void
  /** Called in every loop and function: stops an expression that has run out of time. */
  tick(): void
  /** A property key computed at run time, refused when it leads to a constructor or prototype. */
  key(key: unknown): PropertyKey
  /** What an expression gives the page, refused when it holds an element the post may not have. */
  value<T>(value: T): T
  /** An attribute value given by an expression: `href={…}` is checked like a literal one. */
  attr<T>(tag: string, name: string, value: T): T
  /** `<Figure {...data} />`: every key of the object is checked as an attribute. */
  spread<T>(tag: string, value: T): T
  /** Where writes to undeclared names go: frozen, so each one fails. */
  sink: object
  /** Stands in for a construct the check refused (see sandbox.ts): it never runs. */
  refuse(what: string): never
  /** Stands in for a name the expression did not declare and may not use. */
  undeclared(name: string): never
  /** The error to throw for one that an expression threw: located, with what to do. */
  fail(where: string, error: unknown): Error
  /** The props the post sees: frozen, so a post cannot change what other posts get. */
  props<T extends object>(props: T): T
}

export interface SandboxOptions {
  /** Told where each expression is as it starts (the check's trial render uses it; see render-worker.ts). */
  onBegin?: (where: string) => void
}

/** Everything one rendering of a post needs; `components` are the registry it is rendered with. */
export function createSandbox(components: Record<string, unknown> = {}, options: SandboxOptions = {}): Sandbox {
  // Components whose props the check reads where they are written (an embed's address): an
  // expression that makes one would get past that check.
  const checkedAtBuild = new Map(Object.entries(components).flatMap(([name, c]) => (EMBED_COMPONENTS[name] ? [[c, name] as const] : [])))
  const check = valueChecker(new Set<unknown>([Fragment, ...Object.values(components)]), checkedAtBuild)
  const { begin, tick } = timeBudget(options)
  const attr = <T,>(tag: string, name: string, value: T): T => {
    const problem = /^[a-z]/.test(tag) || /^on[A-Z]/.test(name) || name === 'dangerouslySetInnerHTML' ? attributeAllowed(tag, name, value) : undefined
    if (problem) throw new SandboxError(problem)
    check(value)
    return value
  }
  return {
    g: GLOBALS,
    begin,
    tick,
    key(key) {
      const k = typeof key === 'symbol' || typeof key === 'number' ? key : String(key)
      if (typeof k === 'string' && FORBIDDEN_KEYS.has(k)) throw new SandboxError(`the property "${k}" is not available in a post expression (it leads to code that can reach the build machine)`)
      return k
    },
    value(value) {
      check(value)
      return value
    },
    attr,
    spread(tag, value) {
      if (value === null || typeof value !== 'object') return value
      for (const [name, v] of Object.entries(value)) attr(tag, name, v)
      return value
    },
    sink: Object.freeze(Object.create(null)),
    refuse(what) {
      throw new SandboxError(`${what} is not available in a post`)
    },
    undeclared(name) {
      // The same words as the engine's own error, which authors know.
      throw new ReferenceError(`${name} is not defined`)
    },
    fail: failure,
    props(props) {
      // Shallow is enough: the registry's entries cannot be replaced, and nothing else is shared.
      return Object.freeze({ ...props, components: Object.freeze({ ...(props as { components?: object }).components }) }) as typeof props
    },
  }
}

/** Each expression's time budget: `begin` starts it, `tick` (in every loop and function) stops the expression once it is spent. */
function timeBudget(options: SandboxOptions): Pick<Sandbox, 'begin' | 'tick'> {
  let deadline = Infinity
  let expired = false
  let ticks = 0
  return {
    begin(where) {
      options.onBegin?.(where)
      deadline = performance.now() + TIME_BUDGET_MS
      expired = false
      ticks = 0
    },
    tick() {
      if (expired || (++ticks & 1023) === 0) {
        if (expired || performance.now() > deadline) {
          expired = true
          throw new SandboxError(`this expression ran for more than ${TIME_BUDGET_MS / 1000} seconds and was stopped (look for a loop that never ends)`)
        }
      }
    },
  }
}

/** A check of what an expression gives the page: throws at the first element, attribute or value a post may not have. */
function valueChecker(allowedTypes: Set<unknown>, checkedAtBuild: Map<unknown, string>): (value: unknown) => void {
  const checkElement = (element: ReactElement, seen: Set<unknown>) => {
    const { type } = element
    const props = (element.props ?? {}) as Record<string, unknown>
    const built = checkedAtBuild.get(type)
    if (built) throw new SandboxError(`an expression made a <${built}>, which must be written in the post itself so that the check can read it (write <${built} … /> as an element of its own)`)
    if (typeof type === 'string') {
      if (!isAllowedTag(type) && !allowedTypes.has(type)) throw new SandboxError(`an expression made a <${type}> element, which posts may not contain (write the content as Markdown or one of the components)`)
      for (const [name, v] of Object.entries(props)) {
        if (name === 'children') continue
        const problem = attributeAllowed(type, name, v)
        if (problem) throw new SandboxError(problem)
      }
    } else if (!allowedTypes.has(type)) {
      throw new SandboxError('an expression made an element of an unknown kind (use the components available in posts)')
    } else {
      for (const name of Object.keys(props)) if (/^on[A-Z]/.test(name) || name === 'dangerouslySetInnerHTML') throw new SandboxError(`${name} is not allowed in a post (remove it)`)
    }
    for (const v of Object.values(props)) check(v, seen)
  }
  const check = (value: unknown, seen: Set<unknown>): void => {
    if (value === null || typeof value !== 'object') return
    if (seen.has(value)) return
    seen.add(value)
    if (isValidElement(value)) return checkElement(value, seen)
    if (Array.isArray(value)) return value.forEach((v) => check(v, seen))
    // React renders iterables and awaits thenables: neither may smuggle an element past the check.
    if (typeof (value as { then?: unknown }).then === 'function' || Symbol.iterator in value || Symbol.asyncIterator in value) {
      throw new SandboxError('an expression gave the page a promise or an iterator (give text, numbers, elements or an array of them)')
    }
    // Plain objects are data passed to components (a list of stats, say): check what they hold.
    for (const v of Object.values(value)) check(v, seen)
  }
  return (value) => check(value, new Set())
}

/** The error to throw for one an expression threw: located, with what to do. */
function failure(where: string, error: unknown): Error {
  if (error instanceof SandboxError) return new LocatedError(`${where} ${error.message}`)
  let text: string
  try {
    text = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  } catch {
    text = 'an error that cannot be shown'
  }
  return new LocatedError(`${where} ${EXPRESSION_THREW} "${text}" (fix the JavaScript between { and }, or write \\{ to show a literal brace)`)
}

// The components' contract lives with the content loader that checks posts against it
// (lib/content/component-spec.ts); the registry's components read it from there.
export * from '@/lib/content/component-spec'

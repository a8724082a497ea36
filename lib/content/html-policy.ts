// The one allow-list of elements and attributes in post output (filled in by issue 11 work).
export {}

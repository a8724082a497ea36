// Post expressions in a sandbox (issue 11).
export {}

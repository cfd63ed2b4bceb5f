// The IAM policy language: documents, validation with the messages AWS gives, and the matching primitives that
// evaluation builds on. Pure Swift, no I/O: the emulator's services hand it documents and request contexts.

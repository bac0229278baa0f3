namespace Deliberation.Runtime.Journaling;

/// <summary>
/// The event log could not be read or written in time (the database is down, locked or slow). Nothing the failed call
/// decided is kept: the grain rebuilds its view from the log before its next call. The caller may try again.
/// </summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

namespace Deliberation.Domain;

/// <summary>Councils work in Chinese; English is kept alongside for visitors and reports.</summary>
public sealed record LocalizedText(string Zh, string En);

namespace Deliberation.Web.Components;

/// <summary>
/// Marks a page as a live screen: an interactive server component that loads Blazor's script and keeps a circuit
/// open. Only such pages get the script and a policy that lets it run; every other page stays script-free.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class LiveScreenAttribute : Attribute;

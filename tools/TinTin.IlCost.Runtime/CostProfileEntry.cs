// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.IlCost.Runtime;

/// <summary>One method of a <see cref="CostProfile"/>.</summary>
/// <param name="Method">The method's name: its type's full name (nested types with <c>+</c>), <c>::</c> and its name,
/// with the parameter types when the type has overloads of that name, e.g. <c>TinTin.Layers.Dense::Forward</c>.</param>
/// <param name="Cost">
/// Its exclusive cost: the weights of its own blocks, including the call, callvirt and newobj instructions it
/// executes (the table's price of a call covers the callee's frame and ret); not the blocks of its callees.
/// </param>
public sealed record CostProfileEntry(string Method, long Cost);

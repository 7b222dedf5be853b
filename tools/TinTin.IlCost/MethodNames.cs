// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Linq;
using Mono.Cecil;
using TinTin.IlCost.Runtime;

namespace TinTin.IlCost;

/// <summary>The name of a method in a per-method profile (see <see cref="CostProfileEntry.Method"/>).</summary>
public static class MethodNames
{
    /// <summary>
    /// <c>Namespace.Type::Method</c>, nested types joined by <c>+</c>; when the type has several methods
    /// of that name, followed by the parameter types' names, e.g. <c>TinTin.Layers.Dense::Forward(Single[],Int32)</c>.
    /// </summary>
    /// <param name="method">The method.</param>
    /// <returns>Its name (never with <see cref="MethodRegistry.Separator"/>).</returns>
    public static string Of(MethodDefinition method)
    {
        string name = $"{method.DeclaringType.FullName.Replace('/', '+')}::{method.Name}";
        if (method.DeclaringType.Methods.Count(m => m.Name == method.Name) > 1)
        {
            name += $"({string.Join(",", method.Parameters.Select(p => p.ParameterType.Name))})";
        }

        return name.Replace(MethodRegistry.Separator, ' ');
    }
}

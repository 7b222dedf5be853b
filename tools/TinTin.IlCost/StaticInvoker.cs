// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace TinTin.IlCost;

/// <summary>Finds a static method by name and arguments and calls it, unwrapping its exceptions.</summary>
internal static class StaticInvoker
{
    private const BindingFlags Static = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;

    /// <summary>Calls <paramref name="type"/>.<paramref name="methodName"/>(<paramref name="args"/>).</summary>
    public static object? Invoke(Type type, string methodName, object?[] args)
    {
        MethodInfo[] candidates = type.GetMethods(Static)
            .Where(m => m.Name == methodName && !m.ContainsGenericParameters && Accepts(m.GetParameters(), args))
            .ToArray();
        if (candidates.Length != 1)
        {
            string problem = candidates.Length == 0 ? "no static method" : $"{candidates.Length} static methods";
            throw new MissingMethodException($"{type.FullName} has {problem} {methodName} that accepts {args.Length} such argument(s).");
        }

        try
        {
            return candidates[0].Invoke(null, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw; // unreachable
        }
    }

    private static bool Accepts(ParameterInfo[] parameters, object?[] args)
    {
        if (parameters.Length != args.Length)
        {
            return false;
        }

        for (int i = 0; i < args.Length; i++)
        {
            Type expected = parameters[i].ParameterType;
            bool fits = args[i] is null ? !expected.IsValueType || Nullable.GetUnderlyingType(expected) is not null : expected.IsInstanceOfType(args[i]);
            if (!fits)
            {
                return false;
            }
        }

        return true;
    }
}

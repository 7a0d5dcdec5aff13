using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace ServiceDefaults.Tests.House;

/// <summary>
/// Which namespaces of one assembly use which, read from its metadata and IL without loading it: every type's base
/// type, interfaces, fields, properties, method signatures, locals, attributes and every type, method or field token in
/// its method bodies (so a lambda's or an async method's hidden class counts for the type that declares it). Only
/// references between types of the same assembly are kept.
/// </summary>
public static class TypeReferences
{
    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    /// <summary>Edges namespace -> namespace (both of this assembly, never a namespace to itself), with one example each.</summary>
    public static Dictionary<(string From, string To), string> NamespaceEdges(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var reader = pe.GetMetadataReader();
        var edges = new Dictionary<(string, string), string>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var from = NamespaceOf(reader, handle);
            if (from.Length == 0)
            {
                continue; // <Module> and compiler-generated types outside any namespace
            }
            var used = new HashSet<TypeDefinitionHandle>();
            Collect(reader, pe, handle, used);
            foreach (var target in used)
            {
                var to = NamespaceOf(reader, target);
                if (to.Length > 0 && to != from)
                {
                    edges.TryAdd((from, to), $"{FullName(reader, handle)} uses {FullName(reader, target)}");
                }
            }
        }
        return edges;
    }

    private static void Collect(MetadataReader reader, PEReader pe, TypeDefinitionHandle handle, HashSet<TypeDefinitionHandle> used)
    {
        var provider = new Provider(reader, used);
        var type = reader.GetTypeDefinition(handle);
        Entity(reader, type.BaseType, provider);
        foreach (var i in type.GetInterfaceImplementations())
        {
            Entity(reader, reader.GetInterfaceImplementation(i).Interface, provider);
        }
        Attributes(reader, type.GetCustomAttributes(), provider);
        foreach (var f in type.GetFields())
        {
            var field = reader.GetFieldDefinition(f);
            field.DecodeSignature(provider, null);
            Attributes(reader, field.GetCustomAttributes(), provider);
        }
        foreach (var p in type.GetProperties())
        {
            reader.GetPropertyDefinition(p).DecodeSignature(provider, null);
        }
        foreach (var m in type.GetMethods())
        {
            var method = reader.GetMethodDefinition(m);
            method.DecodeSignature(provider, null);
            Attributes(reader, method.GetCustomAttributes(), provider);
            if (method.RelativeVirtualAddress != 0)
            {
                Body(reader, pe.GetMethodBody(method.RelativeVirtualAddress), provider);
            }
        }
    }

    private static void Body(MetadataReader reader, MethodBodyBlock body, Provider provider)
    {
        if (!body.LocalSignature.IsNil)
        {
            reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null);
        }
        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            short value = il.ReadByte();
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il.ReadByte());
            }
            switch (Operands[value])
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    Entity(reader, MetadataTokens.EntityHandle(il.ReadInt32()), provider);
                    break;
                case OperandType.InlineSig:
                    il.ReadInt32();
                    break;
                case OperandType.InlineSwitch:
                    var targets = il.ReadInt32(); // read before Offset, which += would read first
                    il.Offset += 4 * targets;
                    break;
                case OperandType.InlineBrTarget or OperandType.InlineI or OperandType.ShortInlineR or OperandType.InlineString:
                    il.Offset += 4;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
            }
        }
    }

    private static void Attributes(MetadataReader reader, CustomAttributeHandleCollection attributes, Provider provider)
    {
        foreach (var a in attributes)
        {
            Entity(reader, reader.GetCustomAttribute(a).Constructor, provider);
        }
    }

    private static void Entity(MetadataReader reader, EntityHandle handle, Provider provider)
    {
        if (handle.IsNil)
        {
            return;
        }
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                provider.Used.Add((TypeDefinitionHandle)handle);
                break;
            case HandleKind.TypeSpecification:
                reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(provider, null);
                break;
            case HandleKind.MethodDefinition:
                provider.Used.Add(reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType());
                break;
            case HandleKind.FieldDefinition:
                provider.Used.Add(reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType());
                break;
            case HandleKind.MemberReference:
                var member = reader.GetMemberReference((MemberReferenceHandle)handle);
                Entity(reader, member.Parent, provider);
                if (member.GetKind() == MemberReferenceKind.Method)
                {
                    member.DecodeMethodSignature(provider, null);
                }
                else
                {
                    member.DecodeFieldSignature(provider, null);
                }
                break;
            case HandleKind.MethodSpecification:
                var spec = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                Entity(reader, spec.Method, provider);
                spec.DecodeSignature(provider, null);
                break;
        }
    }

    /// <summary>The namespace of a type; for a nested type (a lambda's closure, a state machine), its outermost declaring type's.</summary>
    private static string NamespaceOf(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        while (type.IsNested)
        {
            type = reader.GetTypeDefinition(type.GetDeclaringType());
        }
        return reader.GetString(type.Namespace);
    }

    private static string FullName(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var name = reader.GetString(type.Name);
        return type.IsNested ? FullName(reader, type.GetDeclaringType()) + "+" + name : $"{reader.GetString(type.Namespace)}.{name}";
    }

    /// <summary>Decodes signatures only to note the assembly's own types in them.</summary>
    private sealed class Provider(MetadataReader reader, HashSet<TypeDefinitionHandle> used) : ISignatureTypeProvider<int, object?>
    {
        public HashSet<TypeDefinitionHandle> Used => used;

        public int GetTypeFromDefinition(MetadataReader r, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            used.Add(handle);
            return 0;
        }

        public int GetTypeFromSpecification(MetadataReader r, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, context);

        public int GetTypeFromReference(MetadataReader r, TypeReferenceHandle handle, byte rawTypeKind) => 0;

        public int GetArrayType(int elementType, ArrayShape shape) => 0;

        public int GetByReferenceType(int elementType) => 0;

        public int GetFunctionPointerType(MethodSignature<int> signature) => 0;

        public int GetGenericInstantiation(int genericType, ImmutableArray<int> typeArguments) => 0;

        public int GetGenericMethodParameter(object? context, int index) => 0;

        public int GetGenericTypeParameter(object? context, int index) => 0;

        public int GetModifiedType(int modifier, int unmodifiedType, bool isRequired) => 0;

        public int GetPinnedType(int elementType) => 0;

        public int GetPointerType(int elementType) => 0;

        public int GetPrimitiveType(PrimitiveTypeCode typeCode) => 0;

        public int GetSZArrayType(int elementType) => 0;
    }
}

/**
 * The sandbox's view of one OData service: what it needs to serve, validate and serialise
 * entities. Built from the EDMX, never typed by hand.
 */
export interface ModelProperty {
  name: string;
  /** EDM type, e.g. `Edm.String`, `Edm.Decimal`, `Edm.DateTime`. */
  type: string;
  nullable: boolean;
  maxLength?: number;
  precision?: number;
  scale?: number;
  /** ConcurrencyMode="Fixed": the property is (part of) the entity's ETag. */
  concurrency: boolean;
  creatable: boolean;
  updatable: boolean;
}

export interface ModelNavigation {
  name: string;
  /** Qualified target entity type name. */
  targetType: string;
  toMany: boolean;
}

export interface ModelEntityType {
  name: string;
  qualifiedName: string;
  keys: string[];
  properties: ModelProperty[];
  propertyByName: Map<string, ModelProperty>;
  navigations: Map<string, ModelNavigation>;
}

export interface ModelEntitySet {
  name: string;
  type: ModelEntityType;
  creatable: boolean;
  updatable: boolean;
  deletable: boolean;
}

export interface ServiceModel {
  service: string;
  namespace: string;
  entityTypes: Map<string, ModelEntityType>;
  entitySets: Map<string, ModelEntitySet>;
  /** Entity set that holds a given entity type (first one wins, as SAP's services have one). */
  setForType(qualifiedType: string): ModelEntitySet | undefined;
}

export function buildServiceModel(
  service: string,
  namespace: string,
  types: ModelEntityType[],
  sets: ModelEntitySet[],
): ServiceModel {
  const entityTypes = new Map(types.map((t) => [t.qualifiedName, t]));
  const entitySets = new Map(sets.map((s) => [s.name, s]));
  const byType = new Map<string, ModelEntitySet>();
  for (const s of sets) if (!byType.has(s.type.qualifiedName)) byType.set(s.type.qualifiedName, s);
  return { service, namespace, entityTypes, entitySets, setForType: (t) => byType.get(t) };
}

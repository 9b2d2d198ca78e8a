import KPlanCore

/// The API server's refusals, worded as Kubernetes words them (`deployments.apps "web" not found`).
enum APIMessages {
    static func notFound(_ resource: APIResource, name: String) -> APIError {
        APIError(.notFound, "\(resource.qualifiedName) \"\(name)\" not found")
    }

    static func namespaceNotFound(_ namespace: String) -> APIError {
        APIError(.notFound, "namespaces \"\(namespace)\" not found")
    }

    static func namespaceTerminating(_ namespace: String, resource: APIResource, name: String) -> APIError {
        APIError(.forbidden, "\(resource.qualifiedName) \"\(name)\" is forbidden: unable to create new content in namespace \(namespace) because it is being terminated")
    }

    static func unknownKind(_ gvk: GroupVersionKind) -> APIError {
        APIError(.notFound, "the server could not find the requested resource: no kind \"\(gvk.kind)\" is registered for version \"\(gvk.apiVersion)\"")
    }

    static func modified(_ resource: APIResource, name: String) -> APIError {
        APIError(.conflict, "Operation cannot be fulfilled on \(resource.qualifiedName) \"\(name)\": the object has been modified; please apply your changes to the latest version and try again")
    }

    static func alreadyExists(_ resource: APIResource, name: String) -> APIError {
        APIError(.alreadyExists, "\(resource.qualifiedName) \"\(name)\" already exists")
    }

    static func preconditionFailed(field: String, precondition: String, actual: String) -> APIError {
        APIError(.conflict, "Precondition failed: \(field) in precondition: \(precondition), \(field) in object meta: \(actual)")
    }

    static func nameRequired() -> APIError {
        APIError(.invalid, "metadata.name: Required value: name or generateName is required",
                 causes: [APIError.Cause(type: "FieldValueRequired", message: "Required value: name or generateName is required", field: "metadata.name")])
    }
}

/// Realistic, schema-valid manifests for the benchmark's generated input set.
enum GeneratedManifests {
    /// The `index`th generated resource, as one YAML document with its `---` separator.
    static func resource(_ index: Int) -> String {
        let app = "app-\(index / 6)"
        let namespace = "team-\((index / 6) % 17)"
        switch index % 6 {
        case 0: return deployment(app, namespace, replicas: 1 + index % 4)
        case 1: return service(app, namespace)
        case 2: return configMap(app, namespace, index)
        case 3: return serviceAccount(app, namespace)
        case 4: return ingress(app, namespace)
        default: return podDisruptionBudget(app, namespace)
        }
    }

    static func deployment(_ app: String, _ namespace: String, replicas: Int) -> String {
        """
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: \(app)
          namespace: \(namespace)
          labels:
            app.kubernetes.io/name: \(app)
            app.kubernetes.io/part-of: benchmark
          annotations:
            description: "generated for the kplan benchmark"
        spec:
          replicas: \(replicas)
          revisionHistoryLimit: 5
          selector:
            matchLabels:
              app.kubernetes.io/name: \(app)
          strategy:
            type: RollingUpdate
            rollingUpdate:
              maxSurge: 25%
              maxUnavailable: 0
          template:
            metadata:
              labels:
                app.kubernetes.io/name: \(app)
                app.kubernetes.io/part-of: benchmark
            spec:
              serviceAccountName: \(app)
              automountServiceAccountToken: false
              securityContext:
                runAsNonRoot: true
                runAsUser: 10001
                fsGroup: 10001
              containers:
                - name: server
                  image: registry.example.com/\(app):1.4.2
                  imagePullPolicy: IfNotPresent
                  args: ["--port=8080", "--log-level=info"]
                  ports:
                    - name: http
                      containerPort: 8080
                      protocol: TCP
                  env:
                    - name: APP_NAME
                      value: \(app)
                    - name: POD_NAMESPACE
                      valueFrom:
                        fieldRef:
                          fieldPath: metadata.namespace
                  envFrom:
                    - configMapRef:
                        name: \(app)
                  resources:
                    requests:
                      cpu: 100m
                      memory: 128Mi
                    limits:
                      cpu: "1"
                      memory: 256Mi
                  readinessProbe:
                    httpGet:
                      path: /ready
                      port: http
                    periodSeconds: 10
                  livenessProbe:
                    httpGet:
                      path: /healthz
                      port: http
                    initialDelaySeconds: 5
                  securityContext:
                    allowPrivilegeEscalation: false
                    readOnlyRootFilesystem: true
                    capabilities:
                      drop: ["ALL"]
                  volumeMounts:
                    - name: tmp
                      mountPath: /tmp
              volumes:
                - name: tmp
                  emptyDir: {}
              affinity:
                podAntiAffinity:
                  preferredDuringSchedulingIgnoredDuringExecution:
                    - weight: 100
                      podAffinityTerm:
                        topologyKey: kubernetes.io/hostname
                        labelSelector:
                          matchLabels:
                            app.kubernetes.io/name: \(app)

        """
    }

    static func service(_ app: String, _ namespace: String) -> String {
        """
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: \(app)
          namespace: \(namespace)
          labels:
            app.kubernetes.io/name: \(app)
        spec:
          type: ClusterIP
          selector:
            app.kubernetes.io/name: \(app)
          ports:
            - name: http
              port: 80
              targetPort: http
              protocol: TCP

        """
    }

    static func configMap(_ app: String, _ namespace: String, _ index: Int) -> String {
        """
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: \(app)
          namespace: \(namespace)
        data:
          LOG_FORMAT: json
          FEATURE_FLAGS: "alpha,beta"
          settings.yaml: |
            server:
              port: 8080
              timeout: 30s
            cache:
              size: \(index % 1000)

        """
    }

    static func serviceAccount(_ app: String, _ namespace: String) -> String {
        """
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: \(app)
          namespace: \(namespace)
        automountServiceAccountToken: false

        """
    }

    static func ingress(_ app: String, _ namespace: String) -> String {
        """
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: \(app)
          namespace: \(namespace)
        spec:
          ingressClassName: nginx
          rules:
            - host: \(app).example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: \(app)
                        port:
                          name: http

        """
    }

    static func podDisruptionBudget(_ app: String, _ namespace: String) -> String {
        """
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: \(app)
          namespace: \(namespace)
        spec:
          maxUnavailable: 1
          selector:
            matchLabels:
              app.kubernetes.io/name: \(app)

        """
    }
}

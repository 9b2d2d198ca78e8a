import KPlanCore

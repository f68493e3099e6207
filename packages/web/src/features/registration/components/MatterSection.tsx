import { useMemo } from 'react';
import { Card, Checkbox, Col, Form, Input, Radio, Row, Select, Tag, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { PURPOSES } from '@hall/domain';
import type { Category, Division, Reference } from '@hall/contracts';
import { categoryLabel } from '../../../lib/reference';
import { useCommonT, useLang } from '../../../lib/labels';
import type { AppLang } from '../../../lib/i18n';
import { MARKER_KEYS } from '../model';

interface TreeNode {
  value: number | string;
  title: React.ReactNode;
  search: string;
  children?: TreeNode[];
}

function categoryTree(categories: readonly Category[], lang: AppLang): TreeNode[] {
  const active = categories.filter((c) => c.active);
  const ids = new Set(active.map((c) => c.id));
  const build = (parentId: number | null): TreeNode[] =>
    active
      .filter((c) => (parentId === null ? c.parentId === null || !ids.has(c.parentId) : c.parentId === parentId))
      .sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code))
      .map((c) => {
        const children = build(c.id);
        const label = categoryLabel(c, lang);
        return {
          value: c.id,
          title: label,
          search: `${c.code} ${c.name} ${c.nameEn ?? ''}`.toLowerCase(),
          ...(children.length ? { children } : {}),
        };
      });
  return build(null);
}

function divisionTree(divisions: readonly Division[], countyLabel: string): TreeNode[] {
  const codes = new Set(divisions.map((d) => d.code));
  const build = (parent: string | null): TreeNode[] =>
    divisions
      .filter((d) => (parent === null ? d.parentCode === null || !codes.has(d.parentCode) : d.parentCode === parent))
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((d) => {
        const children = build(d.code);
        return {
          value: d.code,
          title: (
            <span>
              {d.name}
              {d.level === 'county' ? (
                <Tag color="purple" style={{ marginInlineStart: 6 }}>
                  {countyLabel}
                </Tag>
              ) : null}
            </span>
          ),
          search: `${d.code} ${d.name}`.toLowerCase(),
          ...(children.length ? { children } : {}),
        };
      });
  return build(null);
}

const filterNode = (input: string, node: unknown) =>
  String((node as { search?: string }).search ?? '').includes(input.trim().toLowerCase());

/** The matter itself: category, purpose, summary, demands, locality, units, markers. */
export function MatterSection({ reference }: { reference: Reference }) {
  const { t } = useTranslation('registration');
  const ct = useCommonT();
  const lang = useLang();
  const categories = useMemo(() => categoryTree(reference.categories, lang), [reference.categories, lang]);
  const divisions = useMemo(
    () => divisionTree(reference.divisions, ct('division', 'county')),
    [reference.divisions, ct],
  );
  const units = reference.units.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  const req = (field: string) => ({ required: true, whitespace: true, message: t('matter.required', { field }) });
  const choose = (field: string) => ({ required: true, message: t('matter.chooseRequired', { field }) });

  return (
    <Card size="small" title={t('section.matter')}>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="categoryId" label={t('matter.category')} rules={[choose(t('matter.category'))]}>
            <TreeSelect
              data-testid="reg-category"
              treeData={categories}
              placeholder={t('matter.categoryPlaceholder')}
              showSearch={{ filterTreeNode: filterNode }}
              treeDefaultExpandAll={reference.categories.length <= 40}
              allowClear
              popupMatchSelectWidth={false}
              styles={{ popup: { root: { maxHeight: 420, overflow: 'auto', minWidth: 280 } } }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="purpose" label={t('matter.purpose')} rules={[choose(t('matter.purpose'))]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              data-testid="reg-purpose"
              options={PURPOSES.map((p) => ({ value: p, label: ct('purpose', p) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="summary" label={t('matter.summary')} rules={[req(t('matter.summary'))]}>
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 8 }}
              maxLength={2000}
              showCount
              data-testid="reg-summary"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="demands" label={t('matter.demands')} rules={[req(t('matter.demands'))]}>
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 8 }}
              maxLength={2000}
              showCount
              data-testid="reg-demands"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="localityCode" label={t('matter.locality')} rules={[choose(t('matter.locality'))]}>
            <TreeSelect
              data-testid="reg-locality"
              treeData={divisions}
              placeholder={t('matter.localityPlaceholder')}
              showSearch={{ filterTreeNode: filterNode }}
              treeDefaultExpandAll={reference.divisions.length <= 60}
              allowClear
              popupMatchSelectWidth={false}
              styles={{ popup: { root: { maxHeight: 420, overflow: 'auto', minWidth: 280 } } }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="unitIds" label={t('matter.units')}>
            <Select
              mode="multiple"
              data-testid="reg-units"
              options={units}
              placeholder={t('matter.unitsPlaceholder')}
              showSearch={{ optionFilterProp: 'label' }}
              allowClear
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label={t('section.markers')} style={{ marginBottom: 0 }}>
            <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16 }} data-testid="reg-markers">
              {MARKER_KEYS.map((k) => (
                <Form.Item key={k} name={['markers', k]} valuePropName="checked" noStyle>
                  <Checkbox data-testid={`reg-marker-${k}`}>{ct('marker', k)}</Checkbox>
                </Form.Item>
              ))}
            </div>
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
